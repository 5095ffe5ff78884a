// The start (issue 14): the stored document is read while the wasm compiles and loaded before
// the first frame, so the first frame the app draws is already the interactive one: the stored
// references, or the welcome dialog on a first visit, or the message about a stored document
// that cannot be read. Never a frame of an empty document first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, putStored, settle, shot, startApp } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

// Runs before the page's scripts: the app's state right after the first frame it draws, read in
// the same task as that frame (Module.postMainLoop runs straight after each turn of the loop).
const FIRST_FRAME_PROBE = `
let moduleObject;
Object.defineProperty(window, 'Module', {
  configurable: true,
  get() { return moduleObject; },
  set(value) {
    moduleObject = value;
    const after = value.postMainLoop;
    value.postMainLoop = function() {
      if (after) after.apply(this, arguments);
      if (!window.__firstFrame && window.reftier.state().frames_drawn > 0) {
        window.__firstFrame = window.reftier.state();
        window.__firstFrame.canvas = getComputedStyle(document.getElementById('canvas')).visibility;
        window.__firstFrame.loadingShown = !document.getElementById('loading').hidden;
      }
    };
  },
});
document.addEventListener('DOMContentLoaded', () => {
  window.__canvasAtStart = getComputedStyle(document.getElementById('canvas')).visibility;
});`;

const documentText = (count) => JSON.stringify({
  format: 'reftier', version: 2, partner: { name: 'Start Test Partner', path: 'consulting', rule_set: 'apn-2019-consulting' },
  references: Array.from({ length: count }, (_, i) => ({
    id: `r-${String(i + 1).padStart(6, '0')}`, customer: `Customer ${i}`,
    title: `Serverless Order Processing Cuts Cost in Retail ${i}`, url: `https://example.com/c/${i}`,
    asset_type: 'case_study', workload: 'serverless order processing', services: ['Lambda'], industry: 'Retail',
    channel: 'public_references_tool', status: 'approved', submitted_on: '2026-11-02', decided_on: '2026-11-06', notes: '' })),
  accounts: [] });

async function firstFrameAfterReload(page) {
  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  await page.waitForFunction(() => window.__firstFrame, null, { timeout: 10000 });
  return page.evaluate(() => window.__firstFrame);
}

test('a first visit\'s first frame is the welcome dialog, with storage read', async () => {
  const { context } = await launch();
  const page = context.pages()[0] || await context.newPage();
  await page.addInitScript(FIRST_FRAME_PROBE);
  await page.goto(url);
  await page.evaluate(() => window.reftier.ready);
  await page.waitForFunction(() => window.__firstFrame, null, { timeout: 10000 });
  const first = await page.evaluate(() => window.__firstFrame);
  assert.equal(first.welcome, true);
  assert.notEqual(first.save_state, 'loading');
  assert.equal(first.references, 0);
  await context.close();
});

test('the stored document is on the first frame drawn: no frame of an empty document first', async () => {
  const { context } = await launch();
  const page = await openApp(context, url);
  const result = await page.evaluate((text) => window.reftier.importJson(text, 'replace'), documentText(250));
  assert.ok(result.ok, JSON.stringify(result.errors));
  await page.evaluate(() => window.reftier.whenSaved());
  await page.addInitScript(FIRST_FRAME_PROBE);
  const first = await firstFrameAfterReload(page);
  assert.equal(first.references, 250);
  assert.equal(first.save_state, 'saved');
  assert.equal(first.welcome, false);
  assert.equal(first.frames_drawn, 1);
  await settle(page);
  const rows = await page.evaluate(() => window.reftier.rows());
  assert.equal(rows[0].customer.startsWith('Customer'), true);
  await shot(page, 'start-stored-document');
  await context.close();
});

// Without a GPU the browser reads the canvas back whenever it changes; the empty canvas of the
// start would be one more read before the first frame (web/reftier_api.js showCanvas).
test('the canvas is hidden, and "Loading" shown, until the first frame is drawn into it', async () => {
  const { context } = await launch();
  const page = context.pages()[0] || await context.newPage();
  await page.addInitScript(FIRST_FRAME_PROBE);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstFrame, null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.__canvasAtStart), 'hidden');
  const first = await page.evaluate(() => window.__firstFrame);
  assert.equal(first.canvas, 'visible');
  assert.equal(first.loadingShown, false);
  await context.close();
});

test('a corrupt stored document gets its message on the first frame, and is kept aside', async () => {
  const { context } = await launch();
  const page = await openApp(context, url);
  await putStored(page, '{"format": "reftier", "version": 2, "refer');
  await page.addInitScript(FIRST_FRAME_PROBE);
  const first = await firstFrameAfterReload(page);
  assert.match(first.storage_notice, /could not be read/);
  assert.equal(first.references, 0);
  const keys = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('reftier', 1);
    open.onsuccess = () => {
      const all = open.result.transaction('documents').objectStore('documents').getAllKeys();
      all.onsuccess = () => resolve(all.result.map(String));
    };
  }));
  assert.ok(keys.some((k) => k.startsWith('corrupt-')), keys.join(', '));
  await context.close();
});
