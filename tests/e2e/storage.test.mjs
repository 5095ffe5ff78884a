// Storage you can trust, in real Chromium: a corrupt stored document is kept aside, a full
// quota is reported while the data stays open, two tabs never silently overwrite each other,
// and killing the browser in the middle of a save leaves the old or the new document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { killBrowser, launch, openApp, settle, shot, startApp, storedDocument } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const doc = (name, count = 1) => JSON.stringify({
  format: 'reftier', version: 1, partner: { name, path: 'consulting', rule_set: 'apn-2019-consulting' },
  references: Array.from({ length: count }, (_, i) => ({
    id: `r-${String(i + 1).padStart(6, '0')}`, customer: `Customer ${i % 997}`,
    title: `Serverless Order Processing Cuts Cost in Retail ${i}`, url: `https://example.com/c/${i}`,
    asset_type: 'case_study', workload: 'serverless order processing', services: ['Lambda'], industry: 'Retail',
    channel: 'public_references_tool', status: 'approved', submitted_on: '2026-11-02', decided_on: '2026-11-06', notes: '' })),
  accounts: [] });

const idbKeys = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('reftier', 1);
  open.onsuccess = () => {
    const keys = open.result.transaction('documents').objectStore('documents').getAllKeys();
    keys.onsuccess = () => resolve(keys.result);
  };
}));

test('a corrupt stored document is kept aside and the user is told', async () => {
  const { context } = await launch();
  const page = await openApp(context, url);
  await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('reftier', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('documents', 'readwrite');
      tx.objectStore('documents').put('{"format": "reftier", "version": 1, "refer', 'current');
      tx.oncomplete = resolve;
    };
  }));
  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  await settle(page);
  const state = await page.evaluate(() => window.reftier.state());
  assert.match(state.storage_notice, /could not be read/);
  assert.ok((await idbKeys(page)).some((k) => String(k).startsWith('corrupt-')));
  await shot(page, 'corrupt-stored-document');
  await context.close();
});

test('a document stored as text by an earlier version still opens, and is saved as bytes', async () => {
  const { context } = await launch();
  const page = await openApp(context, url);
  await page.evaluate((text) => new Promise((resolve) => {
    const open = indexedDB.open('reftier', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('documents', 'readwrite');
      tx.objectStore('documents').put(text, 'current');
      tx.oncomplete = resolve;
    };
  }), doc('Stored as text \u{1F680}', 3));
  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  const state = await page.evaluate(() => window.reftier.state());
  assert.equal(state.references, 3);
  assert.equal(state.storage_notice, '');
  assert.equal(JSON.parse(await page.evaluate(() => window.reftier.documentJson())).partner.name, 'Stored as text \u{1F680}');
  await page.evaluate((t) => window.reftier.importJson(t), doc('Saved as bytes', 2));
  await page.evaluate(() => window.reftier.whenSaved());
  const stored = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('reftier', 1);
    open.onsuccess = () => {
      const store = open.result.transaction('documents').objectStore('documents');
      const current = store.get('current');
      const previous = store.get('previous');
      previous.onsuccess = () => resolve({ bytes: current.result instanceof Uint8Array, previous: previous.result });
    };
  }));
  assert.ok(stored.bytes, 'the current document is stored as bytes');
  assert.equal(JSON.parse(stored.previous).partner.name, 'Stored as text \u{1F680}');
  await context.close();
});

test('a full storage quota is reported in words and the data stays open', async () => {
  const { context } = await launch();
  const page = await openApp(context, url);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function() { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await page.evaluate((t) => window.reftier.importJson(t), doc('Quota Partner', 3));
  await page.waitForFunction(() => window.reftier.state().save_state === 'failed');
  const state = await page.evaluate(() => window.reftier.state());
  assert.match(state.save_error, /storage for this site is full/);
  assert.equal(state.references, 3);
  assert.equal(JSON.parse(await page.evaluate(() => window.reftier.documentJson())).partner.name, 'Quota Partner');
  await shot(page, 'storage-full');
  await context.close();
});

test('a second tab is told about the first tab\'s save and stops saving over it', async () => {
  const { context } = await launch();
  const first = await openApp(context, url);
  const second = await context.newPage();
  await second.goto(url);
  await second.evaluate(() => window.reftier.ready);
  await first.evaluate((t) => window.reftier.importJson(t), doc('Saved in tab one'));
  await first.evaluate(() => window.reftier.whenSaved());
  await second.waitForFunction(() => window.reftier.state().other_tab_changed === true);
  await second.evaluate((t) => window.reftier.importJson(t), doc('Edited in tab two'));
  await second.waitForTimeout(1500); // longer than the autosave delay
  assert.equal(JSON.parse(await storedDocument(second)).partner.name, 'Saved in tab one');
  await shot(second, 'two-tabs');
  await context.close();
});

test('killing the browser in the middle of a save leaves the old or the new document', async () => {
  const { context, userDataDir } = await launch();
  const page = await openApp(context, url);
  await page.evaluate((t) => window.reftier.importJson(t), doc('Old', 10));
  await page.evaluate(() => window.reftier.whenSaved());
  const old = await storedDocument(page);
  const next = doc('New', 20000);
  await page.evaluate((t) => { window.reftier.importJson(t); }, next);
  await page.waitForFunction(() => window.reftier.state().save_state === 'saving');
  assert.ok(killBrowser(userDataDir) > 0, 'no browser process found to kill');
  await context.close().catch(() => {}); // playwright's side of the dead browser
  const again = await launch(userDataDir);
  const reopened = await openApp(again.context, url);
  const stored = await storedDocument(reopened);
  const name = JSON.parse(stored).partner.name;
  assert.ok(name === 'Old' || name === 'New', `stored document is neither: ${name}`);
  if (name === 'Old') assert.equal(stored, old);
  else assert.equal(JSON.parse(stored).references.length, 20000);
  await again.context.close();
});
