// Programs in real Chromium: "Copy my scorecard" builds a rule set from the partner's scorecard
// and the current tier changes (undo, reload), File > Import ACE opportunities... previews and
// adds only new launched ones, and the tier view's wording (issue 18 point 7) as the user sees
// it: a path change that says so, late reviews with advice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clickItem, newContext, openApp, settle, shot, startApp, storedDocument, typeInto } from './browser.mjs';

const ACE = resolve(dirname(fileURLToPath(import.meta.url)), '../data/ace');

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

function reference(n, extra = {}) {
  return {
    id: `r-000${n}`, customer: `Customer ${n}`, title: 'Serverless Order Processing Cuts Cost in Retail',
    url: `https://example.com/customers/${n}`, asset_type: 'case_study', workload: 'serverless order processing',
    services: ['Lambda'], industry: 'Retail', channel: 'public_references_tool', status: 'approved',
    submitted_on: null, decided_on: null, notes: '', ...extra,
  };
}

// A version 1 document on the sourced consulting default, with two approved references.
const DOC = {
  format: 'reftier', version: 1,
  partner: { name: 'Example Partner', path: 'consulting', rule_set: 'apn-2021-consulting' },
  references: [reference(1), reference(2)], accounts: [],
};

async function tierProgress(page) {
  await page.waitForFunction(() => window.reftier.tierProgress() !== null);
  return page.evaluate(() => window.reftier.tierProgress());
}

// Puts `text` in place of what a labelled field holds.
async function replaceIn(page, label, text) {
  await clickItem(page, label, 'left');
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text, { delay: 5 });
  await settle(page);
}

test('Copy my scorecard builds a rule set in the UI and the current tier changes', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  assert.equal((await page.evaluate((t) => window.reftier.importJson(t), JSON.stringify(DOC))).ok, true);
  await clickItem(page, 'Tier progress');
  let tiers = await tierProgress(page);
  assert.equal(tiers.current_tier, 'Registered', 'the shipped Select needs scorecard figures too');
  assert.match(tiers.source, /^Source: AWS Technical Professional course notes/);
  assert.match(tiers.next, /^Next: Select, held back by .*Launched Opportunities \(not entered\)/);
  await shot(page, 'tier-progress-before-scorecard');

  await clickItem(page, 'Copy my scorecard...');
  assert.equal((await tierProgress(page)).scorecard_editor_open, true);
  for (const [label, figure] of [['Accredited Individuals', '4'], ['Foundational Certified Individuals', '2'],
    ['Technical Certified Individuals', '2'], ['Launched Opportunities', '3'],
    ['Monthly Recurring Revenue Minimum (USD)', '1500'], ['Customer Satisfaction Responses', '5']])
    await typeInto(page, label, figure);
  await shot(page, 'scorecard-editor');
  // The tiers follow the figures: scroll down to them as a user would.
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 400);
  await settle(page, 6);
  await replaceIn(page, 'References for Select', '2');
  await shot(page, 'scorecard-editor-tiers');
  await clickItem(page, 'Save and use this rule set');
  await page.evaluate(() => window.reftier.whenSaved());

  tiers = await tierProgress(page);
  assert.equal(tiers.rule_set, 'our-scorecard');
  assert.equal(tiers.current_tier, 'Select');
  assert.equal(tiers.tiers[1].references, '2 approved, 2 required: met');
  assert.match(tiers.next, /^Next: Advanced, held back by 4 more Accredited Individuals/);
  await shot(page, 'tier-progress-after-scorecard');
  const doc = await page.evaluate(() => window.reftier.document());
  assert.equal(doc.version, 2);
  assert.equal(doc.partner.rule_set, 'our-scorecard');
  assert.equal(doc.partner.scorecard.launched_opportunities, 3);
  assert.equal(doc.rule_sets.length, 1);
  assert.equal(doc.rule_sets[0].tiers[1].required, 2);
  assert.equal(doc.rule_sets[0].verified, false);
  assert.match(doc.rule_sets[0].source, /^Partner Scorecard in Partner Central/);

  await page.keyboard.press('Control+z');
  await settle(page);
  assert.equal((await tierProgress(page)).current_tier, 'Registered', 'undo brings the shipped rule set back');
  await page.keyboard.press('Control+y');
  await settle(page);
  assert.equal((await tierProgress(page)).current_tier, 'Select');
  await page.evaluate(() => window.reftier.whenSaved());
  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  assert.equal((await tierProgress(page)).current_tier, 'Select', 'the rule set travels in the stored document');
  await context.close();
});

test('Import ACE opportunities previews the drafts and adds only new launched ones', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  const doc = structuredClone(DOC);
  doc.references[0].ace_opportunity_id = 'O1234567';
  doc.version = 2;
  await page.evaluate((t) => window.reftier.importJson(t), JSON.stringify(doc));
  const importAce = async (file, name = file) => {
    await clickItem(page, 'File');
    await clickItem(page, 'Import ACE opportunities...');
    await page.setInputFiles('#reftier-file-input', { name, mimeType: 'application/json', buffer: readFileSync(resolve(ACE, file)) });
    await page.waitForFunction(() => window.reftier.state().import_dialog_open);
    await settle(page);
  };
  await importAce('list-opportunities-two-pages.json');
  await shot(page, 'ace-import-preview');
  await clickItem(page, 'Add 2 draft references');
  const after = await page.evaluate(() => window.reftier.document());
  assert.deepEqual(after.references.map((r) => r.ace_opportunity_id ?? null), ['O1234567', null, 'O3456789', 'O4567890']);
  assert.equal(after.references[2].status, 'draft');
  assert.equal(after.references[2].channel, 'ace_pipeline_manager');
  assert.equal(after.references[2].industry, 'Maritime Logistics');

  await importAce('list-opportunities-two-pages.json');
  assert.equal(await page.evaluate(() => window.reftier.itemRect('Add 0 draft references') !== null), true);
  await clickItem(page, 'Cancel');
  assert.equal((await page.evaluate(() => window.reftier.document())).references.length, 4, 'nothing added twice');

  await page.evaluate(() => window.reftier.whenSaved());
  const stored = await storedDocument(page);
  await clickItem(page, 'File');
  await clickItem(page, 'Import ACE opportunities...');
  await page.setInputFiles('#reftier-file-input', { name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction(() => window.reftier.state().import_errors > 0);
  await shot(page, 'ace-import-foreign');
  assert.equal(await storedDocument(page), stored, 'foreign JSON changes nothing');
  await context.close();
});

test('the tier view says a path change, late reviews and tiers without references in words', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  const doc = structuredClone(DOC);
  doc.partner.rule_set = 'apn-2019-consulting';
  doc.references.push(reference(3, { status: 'submitted', submitted_on: '2025-01-06' }));
  await page.evaluate((t) => window.reftier.importJson(t), JSON.stringify(doc));
  await clickItem(page, 'Tier progress');
  let tiers = await tierProgress(page);
  assert.equal(tiers.tiers[0].references, 'No public references required');
  assert.equal(tiers.pending_heading, 'Pending review (Public References Tool, 5 business days)');
  assert.match(tiers.overdue_advice, /^1 review is past the 5 business days .* Contact your APN representative/);
  assert.doesNotMatch(tiers.next, /expected 2025/);
  await shot(page, 'tier-progress-overdue');

  await clickItem(page, 'Partner');
  await clickItem(page, 'Path');
  await clickItem(page, 'Technology');
  const state = await page.evaluate(() => window.reftier.state());
  assert.match(state.toast, /^Rule set changed to "APN 2019, Technology Partner \(unsourced\)", the default for Technology partners/);
  await page.keyboard.press('Escape');
  await settle(page);
  tiers = await tierProgress(page);
  assert.equal(tiers.rule_set, 'apn-2019-technology');
  assert.equal(tiers.path_note, null);
  await context.close();
});
