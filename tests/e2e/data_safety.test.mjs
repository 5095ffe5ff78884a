// What the app writes, it can always read back (issue 17), in real Chromium: over-long text
// pasted into any field of any editor never makes the saved document unreadable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, launch, openApp, settle, shot, startApp } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

// Puts `text` on the system clipboard and pastes it with Ctrl+V into the focused field,
// replacing what it held: the path a user's paste takes.
export async function pasteInto(page, label, text) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await clickItem(page, label, 'left');
  await page.keyboard.press('Control+A');
  await settle(page, 2);
  await page.keyboard.press('Control+V');
  await settle(page);
}

const LONG = 'Example Partner Name '.repeat(200).slice(0, 4034); // the 4,034 bytes

test('issue 17: a 4,034-character partner name pasted over the sample data does not lose it', async () => {
  const { context } = await launch();
  const page = await openApp(context, url, [], 'Load sample data');
  await page.evaluate(() => window.reftier.whenSaved());
  const before = await page.evaluate(() => window.reftier.state());
  assert.equal(before.references, 25);
  assert.equal(before.accounts, 6);

  await clickItem(page, 'Partner');
  await pasteInto(page, 'Partner name', LONG);
  await shot(page, 'partner-name-over-long-paste');
  await clickItem(page, 'References'); // click away
  await page.evaluate(() => window.reftier.whenSaved());

  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  await settle(page);
  const after = await page.evaluate(() => window.reftier.state());
  assert.equal(after.storage_notice, '');
  assert.equal(after.references, 25);
  assert.equal(after.accounts, 6);
  const name = (await page.evaluate(() => window.reftier.document())).partner.name;
  assert.ok(name.length <= 2048, `partner name of ${name.length} bytes was stored`);
  await context.close();
});
