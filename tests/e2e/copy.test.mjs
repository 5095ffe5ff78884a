// Copy from anywhere: a row's context menu (right click) copies its URL, title or Markdown
// line and opens http(s) pages only; Ctrl+C copies the selected row; a finding copies its text.
// The browser's own menu stays for the title field (its spellchecker's suggestions).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, itemRect, newContext, openApp, settle, shot, startApp } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const REFS = [
  { id: 'r-0001', customer: 'Acme Retail', title: 'DevOps and Cloud Culture Drive Velocity in Retail',
    url: 'https://example.com/customers/acme-retail', asset_type: 'case_study', workload: 'CI/CD pipelines',
    services: [], industry: 'Retail', channel: 'public_references_tool', status: 'submitted',
    submitted_on: '2026-11-16', decided_on: null, notes: '' },
];
const DOC = JSON.stringify({ format: 'reftier', version: 1,
  partner: { name: 'Example Partner', path: 'consulting', rule_set: 'apn-2019-consulting' }, references: REFS, accounts: [] });

async function openWithDocument() {
  const context = await newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await openApp(context, url);
  await page.evaluate((t) => window.reftier.importJson(t), DOC);
  await settle(page);
  return { context, page };
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

async function rightClick(page, label) {
  const r = await itemRect(page, label);
  await page.mouse.move(r.x + 20, r.y + r.height / 2);
  await settle(page, 2);
  await page.mouse.click(r.x + 20, r.y + r.height / 2, { button: 'right' });
  await settle(page);
}

test('Copy URL from a row\'s menu puts the URL on the clipboard', async () => {
  const { context, page } = await openWithDocument();
  await rightClick(page, 'Acme Retail');
  await shot(page, 'copy-row-context-menu');
  await clickItem(page, 'Copy URL');
  assert.equal(await clipboard(page), 'https://example.com/customers/acme-retail');
  await rightClick(page, 'Acme Retail');
  await clickItem(page, 'Copy title');
  assert.equal(await clipboard(page), 'DevOps and Cloud Culture Drive Velocity in Retail');
  await rightClick(page, 'Acme Retail');
  await clickItem(page, 'Copy as Markdown line');
  assert.equal(await clipboard(page),
    '[DevOps and Cloud Culture Drive Velocity in Retail](https://example.com/customers/acme-retail), Acme Retail');
  await context.close();
});

test('Open URL opens the page in a new tab', async () => {
  const { context, page } = await openWithDocument();
  await context.route('https://example.com/**', (route) => route.fulfill({ body: 'ok' }));
  await rightClick(page, 'Acme Retail');
  const popup = context.waitForEvent('page');
  await clickItem(page, 'Open URL');
  assert.equal((await popup).url(), 'https://example.com/customers/acme-retail');
  await context.close();
});

test('Ctrl+C copies the selected row, and the browser menu stays off the rows only', async () => {
  const { context, page } = await openWithDocument();
  await clickItem(page, 'Acme Retail');
  await page.keyboard.press('Escape'); // leave any field; the row stays open in the editor
  await page.evaluate(() => document.getElementById('canvas').focus());
  await page.keyboard.press('Control+C');
  await settle(page);
  assert.match(await clipboard(page), /^\[DevOps and Cloud Culture/);
  // A context menu event over the row is taken by the app; over the open title field, by the
  // browser (its element, with the spellchecker's suggestions).
  const prevented = async (label) => {
    const r = await itemRect(page, label);
    await page.mouse.move(r.x + 20, r.y + r.height / 2);
    await settle(page, 2);
    return page.evaluate(({ x, y }) => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: x, clientY: y });
      document.getElementById('canvas').dispatchEvent(event);
      return event.defaultPrevented;
    }, { x: r.x + 20, y: r.y + r.height / 2 });
  };
  assert.equal(await prevented('Acme Retail'), true);
  await clickItem(page, 'Title', 'left');
  const title = await page.evaluate(() => ({ spellcheck: document.activeElement.spellcheck,
                                              value: document.activeElement.value }));
  assert.deepEqual(title, { spellcheck: true, value: 'DevOps and Cloud Culture Drive Velocity in Retail' });
  await context.close();
});
