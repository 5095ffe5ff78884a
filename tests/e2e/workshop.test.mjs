// Workshop features in real Chromium: sample data from the welcome dialog, presentation mode
// (remembered), undo of an edit, and an offline reload served by the service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clickItem, newContext, openApp, settle, shot, startApp } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

test('the welcome dialog loads the sample data', async () => {
  const context = await newContext();
  const page = await openApp(context, url, [], 'Load sample data');
  const doc = await page.evaluate(() => window.reftier.document());
  assert.equal(doc.references.length, 25);
  assert.equal(doc.accounts.length, 6);
  const assetTypes = new Set(doc.references.map((r) => r.asset_type));
  assert.equal(assetTypes.size, 6);
  await shot(page, 'sample-references');
  await clickItem(page, 'Tier progress');
  await shot(page, 'sample-tier-progress');
  await clickItem(page, 'Accounts');
  await shot(page, 'sample-accounts');
  await context.close();
});

test('presentation mode is toggled from the menu and remembered after a reload', async () => {
  const context = await newContext();
  const page = await openApp(context, url, [], 'Load sample data');
  await clickItem(page, 'Workshop');
  await clickItem(page, 'Presentation mode');
  assert.equal((await page.evaluate(() => window.reftier.state())).presentation, true);
  await shot(page, 'presentation-mode');
  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  await settle(page);
  assert.equal((await page.evaluate(() => window.reftier.state())).presentation, true);
  await context.close();
});

test('Ctrl+Z undoes a delete made in the editor', async () => {
  const context = await newContext();
  const page = await openApp(context, url, [], 'Load sample data');
  await clickItem(page, 'Acme Retail');
  await clickItem(page, 'Delete...');
  await clickItem(page, 'Delete');
  assert.equal((await page.evaluate(() => window.reftier.state())).references, 24);
  await page.keyboard.press('Control+z');
  await settle(page);
  assert.equal((await page.evaluate(() => window.reftier.state())).references, 25);
  await context.close();
});

test('CSV export downloads a spreadsheet-safe file with a BOM', async () => {
  const context = await newContext();
  const page = await openApp(context, url, [], 'Load sample data');
  const sample = await page.evaluate(() => window.reftier.document());
  sample.references[0].title = '=HYPERLINK("http://evil.example")';
  await page.evaluate((t) => window.reftier.importJson(t), JSON.stringify(sample));
  await clickItem(page, 'File');
  const download = page.waitForEvent('download');
  await clickItem(page, 'Export CSV (spreadsheet)');
  const file = await download;
  assert.match(file.suggestedFilename(), /^reftier-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await file.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFid,customer,title,'), 'BOM and header row');
  assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"")"`), 'formula cell neutralised');
  assert.ok(!/(^|,)=/m.test(text.replace(/^\uFEFF/, '')), 'no cell starts with =');
  assert.equal(text.trimEnd().split('\r\n').length, 26);
  await context.close();
});

test('after one visit the app reloads and works with the network off', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.evaluate(() => window.reftier.importJson(JSON.stringify({
    format: 'reftier', version: 1, partner: { name: 'Offline Partner', path: 'consulting', rule_set: 'apn-2019-consulting' },
    references: [], accounts: [] })));
  await page.evaluate(() => window.reftier.whenSaved());
  await context.setOffline(true);
  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  await settle(page);
  const doc = await page.evaluate(() => window.reftier.document());
  assert.equal(doc.partner.name, 'Offline Partner');
  await shot(page, 'offline-reload');
  await context.close();
});
