// The service worker (web/sw.js, issue 17): build A opens and saves offline; a build B served
// later installs in the background and waits until the user presses "Reload"; a half-deployed
// B never installs; and no load ever runs one build's reftier.js with another's reftier.wasm.
// B is A's folder with another build id written over A's in reftier.js and reftier.wasm (same
// length, so the wasm stays valid) and its service worker written again, as the build does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_ROOT, clickItem, launch, openApp, settle, shot, typeInto } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BUILD_SW = resolve(here, '../../scripts/service_worker/build.mjs');
const SW_TEMPLATE = resolve(here, '../../web/sw.js');

function replaceAll(file, from, to) {
  const bytes = readFileSync(file);
  const find = Buffer.from(from);
  let count = 0;
  for (let at = bytes.indexOf(find); at >= 0; at = bytes.indexOf(find, at + find.length)) {
    Buffer.from(to).copy(bytes, at);
    count++;
  }
  writeFileSync(file, bytes);
  return count;
}

// The folder the server serves is a symbolic link, switched from one build to another at once.
function serveFrom(link, folder) {
  const next = link + '.next';
  symlinkSync(folder, next);
  renameSync(next, link);
}

const buildOf = (page) => page.evaluate(() => window.reftier.build());
async function assertBuild(page, id, when) {
  const build = await buildOf(page);
  assert.equal(build.js, build.wasm, `${when}: reftier.js and reftier.wasm come from one build`);
  assert.equal(build.js, id, `${when}: the build running`);
}
const bannerShown = (page) => page.evaluate(() => !document.getElementById('update-banner').hidden);
async function reloadApp(page) {
  const start = Date.now();
  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  await page.evaluate(() => window.reftier.enableLocator());
  await settle(page);
  return Date.now() - start;
}
// The caches the app's worker keeps, with the bytes each holds.
const cacheSizes = (page) => page.evaluate(async () => {
  const sizes = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    let bytes = 0;
    for (const request of await cache.keys()) bytes += (await (await cache.match(request)).blob()).size;
    sizes[name] = bytes;
  }
  return sizes;
});
const buildCaches = (sizes) => Object.keys(sizes).filter((name) => name.startsWith('reftier-build-'));

const CJK_CUSTOMER = '株式会社サクラ精機';
const cjkDocument = JSON.stringify({
  format: 'reftier', version: 2,
  partner: { name: 'Sakura Partners', path: 'consulting', rule_set: 'apn-2019-consulting' },
  references: [{ id: 'r-cjk', customer: CJK_CUSTOMER, title: 'Sakura Seiki Moves Its Factory Data to Amazon S3',
                 url: 'https://example.com/sakura', asset_type: 'case_study', workload: 'factory data lake',
                 channel: 'public_references_tool', status: 'draft' }],
  accounts: [],
});

test('build A opens offline; build B waits for the Reload press and then loads whole', async () => {
  const work = mkdtempSync(join(tmpdir(), 'reftier-sw-'));
  const a = join(work, 'a');
  cpSync(WEB_ROOT, a, { recursive: true });
  const served = join(work, 'served');
  serveFrom(served, a);
  const server = await startServer(served, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const { context } = await launch();
  // Eight page loads on two shared cores: each may take longer than playwright's 30 s default.
  context.setDefaultTimeout(90000);
  const errors = [];
  try {
    // First visit: the worker installs A once the app is ready; this page stays as it loaded.
    const page = await openApp(context, url, errors);
    const idA = (await buildOf(page)).js;
    assert.match(idA, /\S{6}$/);
    await assertBuild(page, idA, 'first visit');
    const installStart = Date.now();
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration && registration.active && registration.active.state === 'activated';
    }, null, { timeout: 60000, polling: 100 });
    const installMs = Date.now() - installStart;
    assert.equal(await bannerShown(page), false, 'a first install offers no update');

    // B: another build id in both files, then its own worker list, as the build writes it.
    const idB = idA.slice(0, -6) + (idA.endsWith('bbbbbb') ? 'cccccc' : 'bbbbbb');
    const b = join(work, 'b');
    cpSync(a, b, { recursive: true });
    assert.ok(replaceAll(join(b, 'reftier.js'), idA, idB) >= 1, 'the build id is in reftier.js');
    assert.ok(replaceAll(join(b, 'reftier.wasm'), idA, idB) >= 1, 'the build id is in reftier.wasm');
    execFileSync(process.execPath, [BUILD_SW, b, SW_TEMPLATE], { stdio: 'pipe' });
    // A deploy half done: B's worker and files, but A's reftier.wasm still on the server.
    const mixed = join(work, 'mixed');
    cpSync(b, mixed, { recursive: true });
    cpSync(join(a, 'reftier.wasm'), join(mixed, 'reftier.wasm'));

    // Second visit, controlled by A's worker: a CJK customer fetches font slices, kept by it.
    await reloadApp(page);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'A controls the page');
    const imported = await page.evaluate((t) => window.reftier.importJson(t, 'replace'), cjkDocument);
    assert.equal(imported.ok, true, JSON.stringify(imported.errors));
    await page.waitForFunction((t) => window.reftier.glyphsMissing(t) === '', CJK_CUSTOMER, { timeout: 30000 });
    await page.evaluate(() => window.reftier.whenSaved());
    const sizesA = await cacheSizes(page);
    assert.equal(buildCaches(sizesA).length, 1, `one build cache: ${Object.keys(sizesA)}`);
    assert.ok(sizesA['reftier-font-slices'] > 0, 'the fetched slices are kept');

    // Offline: the page, its files and the slices come from the cache; a reference added saves,
    // read back by the read-back worker (its files cached too).
    await context.setOffline(true);
    const offlineOpenMs = await reloadApp(page);
    await assertBuild(page, idA, 'offline');
    await page.waitForFunction((t) => window.reftier.glyphsMissing(t) === '', CJK_CUSTOMER, { timeout: 30000 });
    await clickItem(page, '+ New reference');
    await typeInto(page, 'Customer', 'Offline Bank');
    await typeInto(page, 'Title', 'Offline Bank Moves Payments to AWS Lambda');
    await typeInto(page, 'URL', 'https://example.com/offline-bank');
    await clickItem(page, 'Add reference');
    assert.equal((await page.evaluate(() => window.reftier.whenSaved())).references, 2);
    assert.equal((await page.evaluate(() => window.reftier.lastReadBack())).where, 'worker');
    await shot(page, 'service-worker-offline');

    // Back online, half-deployed B: its install fails on reftier.wasm's integrity, A runs on,
    // nothing is offered, and a reload is still A whole.
    serveFrom(served, mixed);
    await context.setOffline(false);
    const failed = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      let found = null;
      registration.addEventListener('updatefound', () => { found = registration.installing; });
      await registration.update().catch(() => {});
      const worker = found || registration.installing;
      if (worker && worker.state !== 'redundant' && worker.state !== 'installed') {
        await new Promise((done) => worker.addEventListener('statechange', () => {
          if (worker.state === 'redundant' || worker.state === 'installed') done();
        }));
      }
      return { installed: Boolean(worker), state: worker && worker.state, waiting: Boolean(registration.waiting) };
    });
    assert.deepEqual(failed, { installed: true, state: 'redundant', waiting: false });
    await settle(page);
    assert.equal(await bannerShown(page), false, 'no reload offered for a failed install');
    await reloadApp(page);
    await assertBuild(page, idA, 'after the failed install');
    assert.equal(await bannerShown(page), false);

    // B whole on the server: the browser's check at the next load installs it; it waits, A runs.
    serveFrom(served, b);
    await reloadApp(page);
    await assertBuild(page, idA, 'while B installs');
    await page.waitForFunction(() => !document.getElementById('update-banner').hidden, null, { timeout: 60000 });
    await assertBuild(page, idA, 'with B waiting');
    await reloadApp(page); // a reload alone never activates a waiting worker
    await assertBuild(page, idA, 'reloaded with B waiting');
    await page.waitForFunction(() => !document.getElementById('update-banner').hidden, null, { timeout: 10000 });
    assert.match(await page.textContent('#update-banner'), /A new version of RefTier is ready\.\s*Reload/);
    // The banner covers nothing: the canvas ends where it starts, and the app fills the canvas.
    const layout = await page.evaluate(() => ({
      canvas: document.getElementById('canvas').getBoundingClientRect().toJSON(),
      banner: document.getElementById('update-banner').getBoundingClientRect().toJSON(),
      button: document.getElementById('update-reload').getBoundingClientRect().toJSON(),
    }));
    assert.ok(layout.canvas.bottom <= layout.banner.top + 0.5, JSON.stringify(layout));
    assert.ok(layout.button.height >= 40 && layout.button.width >= 44, 'large enough for a finger');
    await page.waitForFunction(() => {
      const s = window.reftier.state();
      return s.canvas[1] === s.display[1] && s.canvas[1] === Math.round((innerHeight - 48) * devicePixelRatio);
    }, null, { timeout: 10000 });
    await shot(page, 'service-worker-update-ready');

    // An unsaved draft is never dropped: the press (keyboard: Alt+R) asks for it to be saved.
    await clickItem(page, '+ New reference');
    await typeInto(page, 'Customer', 'Waiting Bank');
    await page.keyboard.press('Alt+r');
    await settle(page);
    assert.match(await page.textContent('#update-text'), /Save or discard the open edit first/);
    await assertBuild(page, idA, 'after a refused press');
    await typeInto(page, 'Title', 'Waiting Bank Runs Its Core Ledger on Amazon Aurora');
    await typeInto(page, 'URL', 'https://example.com/waiting-bank');
    await clickItem(page, 'Add reference');
    await page.evaluate(() => window.reftier.whenSaved());

    // The press activates B and reloads: B whole, the user's data intact, A's cache gone.
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Alt+r');
    await loaded;
    await page.evaluate(() => window.reftier.ready);
    await assertBuild(page, idB, 'after Reload');
    const doc = await page.evaluate(() => window.reftier.document());
    assert.deepEqual(doc.references.map((r) => r.customer).sort(),
                     ['Offline Bank', 'Waiting Bank', CJK_CUSTOMER].sort());
    assert.equal(await bannerShown(page), false);
    await page.waitForFunction(async () => {
      const names = await caches.keys();
      return names.filter((n) => n.startsWith('reftier-build-')).length === 1;
    }, null, { timeout: 10000 });
    const sizesB = await cacheSizes(page);
    assert.notDeepEqual(buildCaches(sizesB), buildCaches(sizesA), 'B has a cache of its own; A\'s is gone');
    assert.ok(sizesB['reftier-font-slices'] > 0, 'the slices are kept across builds');

    // B opens offline too, slices and all.
    await context.setOffline(true);
    await reloadApp(page);
    await assertBuild(page, idB, 'B offline');
    await page.waitForFunction((t) => window.reftier.glyphsMissing(t) === '', CJK_CUSTOMER, { timeout: 30000 });
    await context.setOffline(false);
    assert.deepEqual(errors, []);
    const [cacheName] = buildCaches(sizesA);
    console.log(`# service worker: install ${installMs} ms; offline open ${offlineOpenMs} ms; ` +
                `build cache ${(sizesA[cacheName] / 1024).toFixed(0)} KB; ` +
                `font slices cached ${(sizesA['reftier-font-slices'] / 1024).toFixed(0)} KB`);
  } finally {
    await context.close();
    server.close();
  }
});
