// The Undo step of a large import keeps the replaced document as its copy kept aside in
// browser storage, not in memory (src/app/kept_copy_undo.cpp, issue 14), and Undo reads it back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, settle, startApp } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const documentText = (partner, count) => JSON.stringify({
  format: 'reftier', version: 2, partner: { name: partner, path: 'consulting', rule_set: 'apn-2019-consulting' },
  references: Array.from({ length: count }, (_, i) => ({
    id: `r-${i}`, customer: `Customer ${i % 500}`, title: `Serverless Order Processing for ${partner} Retail Story ${i}`,
    url: `https://example.com/${partner}/${i}`, asset_type: 'case_study', workload: 'serverless order processing',
    channel: 'public_references_tool', status: 'approved' })),
  accounts: [] });

const state = (page) => page.evaluate(() => window.reftier.state());
const keptKeys = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('reftier', 1);
  open.onsuccess = () => {
    const all = open.result.transaction('documents').objectStore('documents').getAllKeys();
    all.onsuccess = () => { open.result.close(); resolve(all.result.map(String).filter((k) => k.startsWith('before-import-'))); };
  };
}));

async function until(page, done, what) {
  for (let i = 0; i < 600; i++) {
    const s = await state(page);
    if (done(s)) return s;
    await page.waitForTimeout(50);
  }
  throw new Error(`never: ${what}: ${JSON.stringify(await state(page))}`);
}

// A large saved document, then a small import over it.
async function largeThenSmall(t) {
  const { context } = await launch();
  t.after(() => context.close());
  const page = await openApp(context, url);
  const large = await page.evaluate((text) => window.reftier.importJson(text, 'replace'), documentText('Large', 20000));
  assert.ok(large.ok, JSON.stringify(large.errors));
  await page.evaluate(() => window.reftier.whenSaved());
  const keptBefore = await keptKeys(page);
  const small = await page.evaluate((text) => window.reftier.importJson(text, 'replace'), documentText('Small', 10));
  assert.ok(small.ok, JSON.stringify(small.errors));
  return { page, keptBefore };
}

test('a replace over a large saved document keeps it in storage for Undo, and Undo brings it back', async (t) => {
  const { page, keptBefore } = await largeThenSmall(t);
  const after = await state(page);
  assert.equal(after.references, 10);
  assert.equal(after.undo_from_storage, true);
  assert.equal((await keptKeys(page)).length, keptBefore.length + 1);
  await page.locator('#canvas').focus();
  await page.keyboard.press('Control+Z');
  const undone = await until(page, (s) => s.references === 20000 && s.import_percent === null, 'the undo ends');
  assert.match(undone.toast, /^Undone: the import of/);
  assert.equal(undone.undo_from_storage, false);
  const rows = await page.evaluate(() => window.reftier.rows());
  assert.ok(rows[0].title.includes('Large'), JSON.stringify(rows[0]));
  await page.keyboard.press('Control+Y');
  await settle(page);
  assert.equal((await state(page)).references, 10); // Redo holds the large one in memory
  await page.keyboard.press('Control+Z');
  await settle(page);
  assert.equal((await state(page)).references, 20000);
});

test('an Undo whose kept copy was removed says so and changes nothing', async (t) => {
  const { page } = await largeThenSmall(t);
  const kept = await keptKeys(page);
  await page.evaluate((keys) => new Promise((resolve) => {
    const open = indexedDB.open('reftier', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('documents', 'readwrite');
      for (const key of keys) tx.objectStore('documents').delete(key);
      tx.oncomplete = () => { open.result.close(); resolve(); };
    };
  }), kept);
  await page.locator('#canvas').focus();
  await page.keyboard.press('Control+Z');
  const failed = await until(page, (s) => /Cannot undo/.test(s.toast), 'the message');
  assert.match(failed.toast, /could not be read/);
  assert.equal(failed.references, 10);
  assert.equal(failed.can_undo, false);
});

test('a small document keeps its Undo in memory', async (t) => {
  const { context } = await launch();
  t.after(() => context.close());
  const page = await openApp(context, url);
  await page.evaluate((text) => window.reftier.importJson(text, 'replace'), documentText('First', 100));
  await page.evaluate(() => window.reftier.whenSaved());
  await page.evaluate((text) => window.reftier.importJson(text, 'replace'), documentText('Second', 100));
  assert.equal((await state(page)).undo_from_storage, false);
  await page.locator('#canvas').focus();
  await page.keyboard.press('Control+Z');
  await settle(page);
  const rows = await page.evaluate(() => window.reftier.rows());
  assert.ok(rows[0].title.includes('First'), JSON.stringify(rows[0]));
});
