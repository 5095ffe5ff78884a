// The editor's live title check as a user types: a title as AWS publishes it grades strong,
// services count as they are typed (before Save), and the rewrite keeps the title's style.
// Screenshots go to artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, newContext, openApp, shot, startApp, typeInto } from './browser.mjs';

let server;
let url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const editorTitle = (page) => page.evaluate(() => window.reftier.state().editor_title);

test('a sentence-case title as AWS publishes it grades strong in the editor', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await clickItem(page, '+ New reference');
  await typeInto(page, 'Customer', 'Nubank');
  await typeInto(page, 'Title', 'How Nubank saved $15M on Amazon DynamoDB costs with PointFive');
  const title = await editorTitle(page);
  assert.equal(title.grade, 'strong', JSON.stringify(title));
  assert.ok(!title.codes.includes('title-inconsistent-case'), title.codes.join(', '));
  await shot(page, 'title-sentence-case-strong');
  await context.close();
});

test('services typed in the editor count before the reference is saved', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await clickItem(page, '+ New reference');
  await typeInto(page, 'Title', 'Widgetizer cuts cost for retail stores');
  const before = await editorTitle(page);
  const draft = await page.evaluate(() => window.reftier.editorDraft());
  assert.ok(before.codes.includes('title-no-technology'), JSON.stringify({ before, draft }));
  await typeInto(page, 'AWS services', 'Widgetizer');
  const title = await editorTitle(page);
  assert.ok(!title.codes.includes('title-no-technology'), title.codes.join(', '));
  assert.equal(await page.evaluate(() => window.reftier.state().references), 0); // not saved
  await context.close();
});

test('the suggested rewrite of a sentence-case title is in sentence case', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await clickItem(page, '+ New reference');
  await typeInto(page, 'Title', 'our new checkout');
  await typeInto(page, 'Workload', 'serverless order processing');
  await typeInto(page, 'Industry', 'Retail');
  const title = await editorTitle(page);
  assert.equal(title.suggestion, 'Serverless order processing to optimize cost in retail');
  await shot(page, 'title-sentence-case-suggestion');
  await clickItem(page, 'Use suggested title');
  assert.equal((await editorTitle(page)).grade, 'strong');
  await context.close();
});
