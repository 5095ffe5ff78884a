// Every script drawn, found and sorted: titles in Cyrillic, Greek, Japanese and Chinese with
// symbols render with their own glyphs (the CJK font slices fetched only then, never on the
// first load), and the filter folds case and accents beyond ASCII.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PNG } from './png.mjs';
import { clickItem, newContext, openApp, settle, shot, startApp } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

function reference(id, customer, title) {
  return {
    id, customer, title, url: `https://example.com/${id}`, asset_type: 'case_study',
    workload: 'serverless order processing', services: [], industry: 'Retail',
    channel: 'public_references_tool', status: 'draft', submitted_on: null, decided_on: null, notes: '',
  };
}

// Real published titles and names in each script (tests/data/scripts/README.md gives sources).
const TITLES = JSON.parse(readFileSync(new URL('../data/scripts/titles.json', import.meta.url), 'utf8'));

const documentOf = (refs) => JSON.stringify({
  format: 'reftier', version: 1,
  partner: { name: 'Partenaire Ωmega', path: 'consulting', rule_set: 'apn-2019-consulting' },
  references: refs, accounts: [],
});

async function waitForGlyphs(page, text) {
  await page.waitForFunction((t) => window.reftier.glyphsMissing(t) === '', text, { timeout: 20000 });
  await settle(page);
}

test('Cyrillic, Greek, symbols and CJK titles render with their glyphs in the atlas', async () => {
  const context = await newContext();
  const fetched = [];
  const page = await openApp(context, url);
  page.on('request', (r) => { if (r.url().includes('/fonts/')) fetched.push(r.url().split('/fonts/')[1]); });
  assert.deepEqual(fetched, [], 'no font slice on the first load');
  const refs = TITLES.map((t, i) => reference(`r-${i + 1}`, t.customer, t.title));
  const symbols = '€ £ ¥ ™ ® © • … – — → ← ↑ ↓';
  refs.push(reference('r-99', 'Société Générale', `Spot Instances Cut Render Cost 40% ${symbols}`));
  const result = await page.evaluate((t) => window.reftier.importJson(t), documentOf(refs));
  assert.equal(result.ok, true);
  const all = refs.map((r) => r.customer + r.title).join('');
  await waitForGlyphs(page, all);
  await shot(page, 'scripts-table-cyrillic-greek-cjk');
  assert.ok(fetched.some((f) => f.startsWith('fallback-3000')), `kana slice fetched: ${fetched}`);
  // Only the slices these characters fall in (about 30 of the 117 for some 60 distinct Han
  // characters, which the Unified Ideographs block scatters over its slices).
  assert.ok(fetched.length > 0 && fetched.length < 40, `slices fetched: ${fetched.length}`);
  // The picture shows more than fallback boxes: the CJK row has strokes of many shades.
  const png = PNG.read(readFileSync(await shot(page, 'scripts-table-cyrillic-greek-cjk')));
  assert.ok(png.distinctColours() > 20);
  await context.close();
});

test('CJK typed into a field is drawn once its slice has arrived', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await clickItem(page, '+ New reference');
  await clickItem(page, 'Customer', 'left');
  await page.keyboard.insertText('株式会社 サクラ精機');
  await waitForGlyphs(page, '株式会社 サクラ精機');
  await shot(page, 'scripts-cjk-typed-in-editor');
  assert.equal((await page.evaluate(() => window.reftier.editorDraft())).customer, '株式会社 サクラ精機');
  await context.close();
});

test('the filter finds "MÜLLER" from "müller" and sorts "Émile" with E', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  const refs = [
    reference('r-1', 'Zenith Bank', 'Serverless Payments Cut Cost in Financial Services'),
    reference('r-2', 'Émile Conseil', 'Data Lake Speeds Up Reporting for Consulting'),
    reference('r-3', 'MÜLLER AG', 'Kubernetes Scales Order Throughput in Manufacturing'),
    reference('r-4', 'Delta Foods', 'Machine Learning Improves Forecast Accuracy in Retail'),
  ];
  await page.evaluate((t) => window.reftier.importJson(t), documentOf(refs));
  await settle(page);
  const order = await page.evaluate(() => window.reftier.rows().map((r) => r.customer));
  assert.deepEqual(order, ['Delta Foods', 'Émile Conseil', 'MÜLLER AG', 'Zenith Bank']);
  await clickItem(page, 'Filter', 'left');
  await page.keyboard.insertText('müller');
  await page.waitForFunction(() => !window.reftier.state().work_pending && window.reftier.state().rows_shown === 1);
  await shot(page, 'scripts-filter-muller-finds-MULLER');
  assert.deepEqual(await page.evaluate(() => window.reftier.rows().map((r) => r.customer)), ['MÜLLER AG']);
  await context.close();
});
