// A large document in the real page: the table's filter and the document checks are spread
// over frames (no frame waits for all rows), and what they finally show matches the rules
// computed here in JS: case-insensitive substring of customer, title, workload, URL, id or
// industry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, newContext, openApp, settle, shot, startApp, WAIT_MS } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const COUNT = 20000;
const CUSTOMERS = ['Acme Retail', 'Globex Bank', 'Initech', 'Umbrella Health', 'Stark Logistics',
                   'Wayne Media', 'Soylent Foods', 'Cyberdyne Systems', 'Hooli', 'Oscorp', 'Pied Piper',
                   'Tyrell Corp'];
const WORKLOADS = ['data lake on Amazon S3', 'serverless checkout', 'EKS platform', 'call centre'];

function largeDocument() {
  const references = [];
  for (let i = 0; i < COUNT; i++) {
    const customer = CUSTOMERS[i % CUSTOMERS.length];
    references.push({
      id: `r-${String(i + 1).padStart(5, '0')}`, customer,
      title: `${WORKLOADS[i % WORKLOADS.length]} story ${i} for ${customer}`,
      url: `https://example.com/stories/${i}`, asset_type: 'case_study',
      workload: WORKLOADS[(i >> 2) % WORKLOADS.length], services: [], industry: i % 3 ? 'Retail' : 'Finance',
      channel: 'public_references_tool', status: 'approved', submitted_on: '2026-01-05',
      decided_on: '2026-01-09', notes: '',
    });
  }
  return { format: 'reftier', version: 1,
           partner: { name: 'Large Partner', path: 'consulting', rule_set: 'apn-2019-consulting' },
           references, accounts: [] };
}

function matching(doc, text) {
  const needle = text.toLowerCase();
  return doc.references.filter((r) => [r.customer, r.title, r.workload, r.url, r.id, r.industry]
    .some((field) => field.toLowerCase().includes(needle))).length;
}

// Draws frames until the work spread over frames is done; returns how many it took.
async function untilWorkDone(page) {
  for (let frames = 1; frames < 2000; frames++) {
    await settle(page, 1);
    if (!(await page.evaluate(() => window.reftier.state().work_pending))) return frames;
  }
  throw new Error('the work spread over frames never finished');
}

test('filtering 20,000 references finishes over frames and shows exactly the matching rows', async (t) => {
  const context = await newContext();
  t.after(() => context.close());
  const page = await openApp(context, url);
  const doc = largeDocument();
  const result = await page.evaluate((text) => window.reftier.importJson(text, 'replace'), JSON.stringify(doc));
  assert.equal(result.ok, true);
  await untilWorkDone(page);
  assert.equal((await page.evaluate(() => window.reftier.state())).rows_shown, COUNT);

  await page.keyboard.press('Control+f'); // the shortcut puts the cursor in the filter box
  await settle(page);
  for (const text of ['glo', 'Globex', 'GLOBEX BANK', 'story 1999']) {
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text, { delay: 5 });
    // Under load the last keys reach the filter a few frames after the key events.
    await page.waitForFunction((t) => window.reftier.state().filter_text === t, text, { timeout: WAIT_MS });
    await untilWorkDone(page);
    assert.equal((await page.evaluate(() => window.reftier.state())).rows_shown, matching(doc, text), text);
  }
  await shot(page, 'large-filtered');
});

test('tier progress of 20,000 references appears once the checks are done', async (t) => {
  const context = await newContext();
  t.after(() => context.close());
  const page = await openApp(context, url);
  const result = await page.evaluate((text) => window.reftier.importJson(text, 'replace'),
                                     JSON.stringify(largeDocument()));
  assert.equal(result.ok, true);
  await clickItem(page, 'Tier progress');
  await untilWorkDone(page);
  // Approved references of 12 customers: Premier asks for 10 referenceable customers.
  assert.equal((await page.evaluate(() => window.reftier.state())).current_tier, 'Premier');
  await shot(page, 'large-tier-progress');
});
