// A large import goes through the sliced path (src/app/import_run.cpp): read and checked a
// slice at a time between the page's tasks, with its progress in the status bar, the open
// document usable and unchanged until the import is applied, and nothing changed by a file with
// errors or a cancelled import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, settle, shot, startApp, storedDocument } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const SMALL = {
  format: 'reftier', version: 2,
  partner: { name: 'Import Partner', path: 'consulting', rule_set: 'apn-2019-consulting' },
  references: ['Acme Retail', 'Globex Bank', 'Initech'].map((customer, i) => ({
    id: `small-${i}`, customer, title: `Serverless checkout for ${customer} cuts costs by half`,
    url: `https://example.com/small/${i}`, asset_type: 'case_study', workload: 'serverless checkout',
    services: ['Lambda'], industry: 'Retail', channel: 'public_references_tool', status: 'approved',
    submitted_on: '2026-01-05', decided_on: '2026-01-09', notes: '',
  })),
  accounts: [],
};

// Runs in the page: makes a document of `count` references, imports it without waiting, and
// samples the app in every animation frame until the import has ended.
function importWatched([count, mode, badLast]) {
  const references = [];
  for (let i = 0; i < count; i++) {
    references.push({
      id: `r-${i}`, customer: `Customer ${i % 500}`, title: `Data lake story ${i} for Customer ${i % 500}`,
      url: `https://example.com/stories/${i}`, asset_type: 'case_study', workload: 'data lake on Amazon S3',
      services: ['S3', 'Glue'], industry: 'Retail', channel: 'public_references_tool', status: 'approved',
      submitted_on: '2026-01-05', decided_on: '2026-01-09', notes: '',
    });
  }
  if (badLast) references[count - 1].url = 'javascript:alert(1)';
  const text = JSON.stringify({ format: 'reftier', version: 2,
    partner: { name: 'Large Partner', path: 'consulting', rule_set: 'apn-2019-consulting' }, references, accounts: [] });
  const samples = [];
  let done = false;
  const framesBefore = window.reftier.state().frames_drawn;
  const result = window.reftier.importJson(text, mode).then((r) => { done = true; return r; });
  return new Promise((resolve) => {
    const sample = () => {
      if (done) {
        result.then((r) => resolve({ result: r, samples, slices: window.reftier.lastImport(),
                                     framesDuring: samples.length ? samples[samples.length - 1].frames - framesBefore : 0 }));
        return;
      }
      const s = window.reftier.state();
      samples.push({ percent: s.import_percent, references: s.references, rows: window.reftier.rows().length,
                     frames: s.frames_drawn, progressShown: window.reftier.itemRect('import progress') !== null });
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

async function openWithSmallDocument(t) {
  const { context } = await launch();
  t.after(() => context.close());
  const page = await openApp(context, url);
  const small = await page.evaluate((text) => window.reftier.importJson(text), JSON.stringify(SMALL));
  assert.equal(small.ok, true, JSON.stringify(small.errors));
  await settle(page);
  return page;
}

async function untilWorkDone(page) {
  for (let frames = 0; frames < 3000; frames++) {
    if (!(await page.evaluate(() => window.reftier.state().work_pending))) return;
    await settle(page, 1);
  }
  throw new Error('the work spread over frames never finished');
}

// `count` references of one customer as a RefTier document's text; put in the page by
// withDocumentText.
function documentText(count) {
  const references = [];
  for (let i = 0; i < count; i++) {
    references.push({ id: `r-${i}`, customer: 'C', title: `Title ${i} of a story`, url: `https://example.com/${i}`,
                      asset_type: 'case_study', workload: 'w', channel: 'public_references_tool', status: 'approved' });
  }
  return JSON.stringify({ format: 'reftier', version: 2,
    partner: { name: 'P', path: 'consulting', rule_set: 'apn-2019-consulting' }, references, accounts: [] });
}

async function withDocumentText(page) {
  await page.evaluate(`window.documentText = ${documentText}`);
}

// The promise `name` (a global of the page) once settled, or null after a minute.
const settledWithin = (page, name) => page.evaluate((name) => Promise.race([
  window[name], new Promise((resolve) => setTimeout(() => resolve(null), 60_000))]), name);

test('a 20,000-reference merge runs in slices, shows its progress, keeps the table usable and adds every row', async (t) => {
  const page = await openWithSmallDocument(t);
  const { result, samples, slices, framesDuring } = await page.evaluate(importWatched, [20000, 'merge', false]);
  assert.equal(result.ok, true, JSON.stringify(result.errors));
  assert.ok(slices.slices > 1, `one slice only: ${JSON.stringify(slices)}`);
  assert.ok(samples.length > 0, 'no frame ran while the import did');
  // While it runs the open document is the small one, the table shows it, and the status bar
  // says how far the import is.
  for (const s of samples) {
    assert.equal(s.references, 3);
    assert.equal(s.rows, 3);
  }
  const percents = samples.map((s) => s.percent).filter((p) => p !== null);
  assert.ok(percents.some((p) => p >= 0 && p < 100), `no progress seen: ${JSON.stringify(percents)}`);
  assert.ok(samples.some((s) => s.progressShown), 'the status bar never showed the import');
  assert.ok(framesDuring > 0, 'no frame was drawn during the import');
  await untilWorkDone(page);
  const state = await page.evaluate(() => window.reftier.state());
  assert.equal(state.references, 20003);
  assert.equal(state.rows_shown, 20003);
  assert.equal(state.import_percent, null);
  await shot(page, 'import-large-merged');
});

test('a 20,000-reference replace whose last reference is refused changes nothing and names its path', async (t) => {
  const page = await openWithSmallDocument(t);
  const before = await page.evaluate(() => window.reftier.documentJson());
  const { result, slices } = await page.evaluate(importWatched, [20000, 'replace', true]);
  assert.equal(result.ok, false);
  assert.ok(slices.slices > 1);
  assert.equal(result.errors[0].path, 'references[19999].url');
  assert.match(result.errors[0].message, /scheme must be http or https/);
  assert.equal(await page.evaluate(() => window.reftier.documentJson()), before);
  await settle(page);
  assert.equal((await page.evaluate(() => window.reftier.state())).import_percent, null);
});

test('a second import while one runs is refused and the first one still completes', async (t) => {
  const page = await openWithSmallDocument(t);
  await withDocumentText(page);
  const [first, second] = await page.evaluate(async (small) => {
    const running = window.reftier.importJson(documentText(20000), 'replace');
    const refused = await window.reftier.importJson(small, 'replace');
    return [await running, refused];
  }, JSON.stringify(SMALL));
  assert.equal(first.ok, true, JSON.stringify(first.errors));
  assert.equal(second.ok, false);
  assert.match(second.errors[0].message, /another import is still running/);
  assert.equal((await page.evaluate(() => window.reftier.state())).references, 20000);
});

// The import and the autosave are both sliced work of the page (sliced_work_library.js
// RefTierSlices); neither may stop the other.
test('an autosave that starts while a large import runs is written, then the imported document', async (t) => {
  const page = await openWithSmallDocument(t);
  await withDocumentText(page);
  await page.evaluate(() => window.reftier.whenSaved());
  await page.evaluate(() => { window.largeImport = window.reftier.importJson(documentText(40000), 'replace'); });
  // While it runs: undo the small import, then save at once (Ctrl+S, not 400 ms later), so the
  // autosave starts between two of the import's slices.
  const until = (saveState) => page.evaluate(async (saveState) => {
    for (;;) {
      const state = window.reftier.state();
      if (state.save_state === saveState || state.import_percent === null) return state;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }, saveState);
  await page.keyboard.press('Control+Z');
  const edited = await until('pending');
  assert.equal(edited.save_state, 'pending', `the import ended before the undo: ${JSON.stringify(edited)}`);
  await page.keyboard.press('Control+S');
  const saving = await until('saving');
  assert.equal(saving.save_state, 'saving', `the import ended before the autosave started: ${JSON.stringify(saving)}`);
  assert.notEqual(saving.import_percent, null);
  const result = await settledWithin(page, 'largeImport');
  assert.equal(result.ok, true, JSON.stringify(result.errors));
  await page.evaluate(() => { window.saved = window.reftier.whenSaved(); });
  assert.notEqual(await settledWithin(page, 'saved'), null, 'the autosave never finished');
  assert.equal(JSON.parse(await storedDocument(page)).references.length, 40000);
});

test('an import that starts while the autosave writes a large document runs, and its document is saved', async (t) => {
  const page = await openWithSmallDocument(t);
  await withDocumentText(page);
  await page.evaluate(() => window.reftier.whenSaved());
  const first = await page.evaluate(() => window.reftier.importJson(documentText(20000), 'replace'));
  assert.equal(first.ok, true, JSON.stringify(first.errors));
  // Its autosave writes the 20,000 references a few milliseconds a task; the next import starts
  // between two of those tasks.
  await page.evaluate(async () => {
    while (window.reftier.state().save_state !== 'saving') await new Promise((resolve) => setTimeout(resolve, 2));
    window.nextImport = window.reftier.importJson(documentText(2000), 'replace');
  });
  const next = await settledWithin(page, 'nextImport');
  assert.notEqual(next, null, 'the import never finished');
  assert.equal(next.ok, true, JSON.stringify(next.errors));
  await page.evaluate(() => { window.saved = window.reftier.whenSaved(); });
  assert.notEqual(await settledWithin(page, 'saved'), null, 'the autosave never finished');
  assert.equal(JSON.parse(await storedDocument(page)).references.length, 2000);
});
