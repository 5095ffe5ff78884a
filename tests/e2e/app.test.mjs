// The web app in real Chromium: loads cleanly, is drawn, takes real mouse and keyboard input,
// keeps its document across reloads, exports exactly the document, refuses a bad import
// without touching what is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PNG } from './png.mjs';
import { clickItem, newContext, openApp, settle, shot, startApp, storedDocument, typeInto } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const SAMPLE = {
  format: 'reftier', version: 1,
  partner: { name: 'Example Partner', path: 'consulting', rule_set: 'apn-2019-consulting' },
  references: [{
    id: 'r-0001', customer: 'Acme Retail', title: 'DevOps and Cloud Culture Drive Velocity in Retail',
    url: 'https://example.com/customers/acme-retail', asset_type: 'case_study',
    workload: 'CI/CD pipelines on AWS CodePipeline', services: ['CodePipeline', 'ECS'], industry: 'Retail',
    channel: 'public_references_tool', status: 'submitted', submitted_on: '2026-11-16', decided_on: null, notes: '',
  }],
  accounts: [
    { id: '111122223333', name: 'Org management', role: 'management', parent: null, linked: true, partner_activity: false },
    { id: '444455556666', name: 'Project A', role: 'member', parent: '111122223333', linked: false, partner_activity: true },
  ],
};

test('the page loads without console errors and the canvas is drawn', async () => {
  const context = await newContext();
  const errors = [];
  const page = await openApp(context, url, errors);
  const path = await shot(page, 'empty-references');
  const png = PNG.read(readFileSync(path));
  assert.ok(png.distinctColours() > 20, `canvas looks blank (${png.distinctColours()} colours)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reference added with mouse and keyboard is still there after a reload', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await clickItem(page, '+ New reference');
  await typeInto(page, 'Customer', 'Globex Bank');
  await typeInto(page, 'Title', 'Serverless Payments Cut Cost in Financial Services');
  await typeInto(page, 'URL', 'https://example.com/globex');
  await typeInto(page, 'Workload', 'serverless payment processing');
  await shot(page, 'editor-new-reference');
  await clickItem(page, 'Add reference');
  const state = await page.evaluate(() => window.reftier.whenSaved());
  assert.equal(state.references, 1);

  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  const doc = await page.evaluate(() => window.reftier.document());
  assert.equal(doc.references.length, 1);
  assert.equal(doc.references[0].customer, 'Globex Bank');
  assert.equal(doc.references[0].title, 'Serverless Payments Cut Cost in Financial Services');
  assert.equal(doc.references[0].url, 'https://example.com/globex');
  await context.close();
});

test('export downloads a file equal to the document', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  const result = await page.evaluate((t) => window.reftier.importJson(t), JSON.stringify(SAMPLE));
  assert.equal(result.ok, true);
  await page.evaluate(() => window.reftier.whenSaved());
  await settle(page);
  const download = page.waitForEvent('download');
  await page.keyboard.down('Control');
  await page.keyboard.down('Shift');
  await page.keyboard.press('E');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Control');
  const file = await download;
  assert.match(file.suggestedFilename(), /^reftier-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await file.path(), 'utf8');
  assert.equal(text, await page.evaluate(() => window.reftier.documentJson()));
  assert.deepEqual(JSON.parse(text).references, SAMPLE.references);
  await context.close();
});

test('a malformed import shows its errors and leaves the stored document unchanged', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await page.evaluate((t) => window.reftier.importJson(t), JSON.stringify(SAMPLE));
  await page.evaluate(() => window.reftier.whenSaved());
  const before = await storedDocument(page);

  const bad = structuredClone(SAMPLE);
  bad.references[0].url = 'javascript:alert(1)';
  bad.references[0].status = 'aproved';
  await page.setInputFiles('#reftier-file-input', {
    name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)),
  });
  await page.waitForFunction(() => window.reftier.state().import_errors > 0);
  await shot(page, 'import-failed');
  const state = await page.evaluate(() => window.reftier.state());
  assert.equal(state.import_errors, 2);
  assert.equal(await storedDocument(page), before);
  const api = await page.evaluate((t) => window.reftier.importJson(t), JSON.stringify(bad));
  assert.equal(api.ok, false);
  assert.deepEqual(api.errors.map((e) => e.path).sort(), ['references[0].status', 'references[0].url']);
  await context.close();
});

test('each main view opens from its tab and shows the document (screenshots written as artifacts)', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await page.evaluate((t) => window.reftier.importJson(t), JSON.stringify(SAMPLE));
  await settle(page);
  const state = () => page.evaluate(() => window.reftier.state());
  assert.equal((await state()).view, 'references');
  assert.equal((await page.evaluate(() => window.reftier.rows())).length, SAMPLE.references.length);
  await shot(page, 'references');
  await clickItem(page, 'Acme Retail');
  await settle(page);
  assert.equal((await page.evaluate(() => window.reftier.editorDraft())).customer, 'Acme Retail');
  await shot(page, 'reference-editor');
  await clickItem(page, 'Tier progress');
  await settle(page);
  assert.equal((await state()).view, 'tier_progress');
  const progress = await page.evaluate(() => window.reftier.tierProgress());
  assert.ok(progress && progress.tiers.length > 0, 'the tier view has tiers to show');
  await shot(page, 'tier-progress');
  await clickItem(page, 'Accounts');
  await settle(page);
  assert.equal((await state()).view, 'accounts');
  assert.equal((await state()).accounts, SAMPLE.accounts.length);
  await shot(page, 'accounts');
  await context.close();
});
