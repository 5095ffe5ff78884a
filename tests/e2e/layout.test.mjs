// What you see is what you click (issue 18), in one browser context with the sample data:
// after every resize and pixel-ratio change the canvas, ImGui's display and the picture agree,
// and a click lands on what is drawn there; tooltips wrap; rows do not move under the pointer;
// Esc closes Help and About; a new reference takes the keyboard at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from './png.mjs';
import { ARTIFACTS, clickItem, deviceShot, emulateScreen, itemRect, newContext, openApp, settle, startApp, WAIT_MS } from './browser.mjs';

let server, url, context, page;
before(async () => {
  ({ server, url } = await startApp());
  context = await newContext();
  page = await openApp(context, url, [], 'Load sample data');
});
after(async () => {
  await context.close();
  server.close();
});

const state = () => page.evaluate(() => window.reftier.state());

// The colour the screenshot shows at a CSS-pixel point.
function pixel(png, cssX, cssY, scale) {
  const x = Math.round(cssX * scale), y = Math.round(cssY * scale);
  const i = (y * png.width + x) * png.channels;
  return [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
}


test('after each resize and pixel-ratio change, what is drawn is where it is clicked', async () => {
  // At the first size the picture is right; its "+ New reference" button colour is the reference.
  const first = await itemRect(page, '+ New reference');
  const firstPng = PNG.read(readFileSync(await deviceShot(page, join(ARTIFACTS, 'layout-resize-start.png'))));
  const buttonColour = pixel(firstPng, first.x + 4, first.y + first.height / 2, firstPng.width / 1280);
  for (const [width, height, ratio] of [[900, 600, 1], [1100, 700, 1], [1920, 1080, 1],
                                        [1100, 700, 2], [900, 600, 2], [900, 600, 1], [1280, 800, 1]]) {
    const where = `${width}x${height} at ${ratio}x`;
    await emulateScreen(page, width, height, ratio);
    const png = PNG.read(readFileSync(await deviceShot(page, join(ARTIFACTS, `layout-resize-${width}x${height}@${ratio}.png`))));
    assert.equal(png.width, width * ratio);
    const button = await itemRect(page, '+ New reference');
    assert.deepEqual(pixel(png, button.x + 4, button.y + button.height / 2, ratio), buttonColour,
                     `the button is drawn where ImGui says it is, ${where}`);
    const above = pixel(png, button.x + 4, button.y - 6, ratio);
    assert.notDeepEqual(above, buttonColour, `nothing of the button above it, ${where}`);
    const status = await itemRect(page, 'status bar');
    assert.ok(status && status.y + status.height <= height, `the status bar is inside, ${where}`);
    // A click on a row opens that row, not its neighbour.
    const rows = await page.evaluate(() => window.reftier.rows());
    const target = rows.find((r, i) => i >= 3 && rows.filter((o) => o.customer === r.customer).length === 1);
    await clickItem(page, target.customer);
    const draft = await page.evaluate(() => window.reftier.editorDraft());
    assert.equal(draft?.id, target.id, `the row clicked is the one opened, ${where}`);
    await clickItem(page, 'Cancel');
    const s = await state();
    assert.deepEqual(s.canvas, [width * ratio, height * ratio], `canvas backing store, ${where}`);
    assert.deepEqual(s.display, [width * ratio, height * ratio], `ImGui display size, ${where}`);
  }
});

test('the findings tooltip of a row wraps at a readable width', async () => {
  const row = (await page.evaluate(() => window.reftier.rows())).find((r) => r.title === 'aws project');
  const marker = await itemRect(page, `(!) ${row.id}`);
  assert.ok(marker, 'the row shows its error marker');
  await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
  await settle(page, 8);
  const tip = await itemRect(page, 'tooltip');
  await deviceShot(page, join(ARTIFACTS, 'layout-findings-tooltip.png'));
  assert.ok(tip, 'a tooltip is shown');
  assert.ok(tip.width > 250 && tip.width < 600, `tooltip width ${tip.width}`);
  assert.ok(tip.height < 300, `tooltip height ${tip.height}`);
  await page.mouse.move(5, 300);
});

test('a severity label never runs into its message; an account name never into its state', async () => {
  const row = (await page.evaluate(() => window.reftier.rows())).find((r) => r.title === 'aws project');
  await clickItem(page, row.customer);
  await emulateScreen(page, 900, 600, 1);
  const labelled = (await state()).editor_title.messages;
  assert.ok(labelled.length > 0, 'the title has findings');
  await deviceShot(page, join(ARTIFACTS, 'layout-editor-findings-900.png'));
  for (const message of labelled) {
    const label = await itemRect(page, `severity of ${message}`);
    const text = await itemRect(page, message);
    assert.ok(label && text, `finding "${message}" is drawn`);
    assert.ok(label.x + label.width < text.x, `"${message}": its label ends before it starts`);
  }
  await clickItem(page, 'Cancel');
  await clickItem(page, 'Accounts');
  const accounts = (await page.evaluate(() => window.reftier.document())).accounts;
  for (const a of accounts) {
    const name = await itemRect(page, `name of ${a.id}`);
    const status = await itemRect(page, `state of ${a.id}`);
    assert.ok(name && status, `account ${a.id} is drawn`);
    assert.ok(name.x + name.width < status.x, `${a.name}: the name ends before its state`);
  }
  await deviceShot(page, join(ARTIFACTS, 'layout-accounts-900.png'));
  await clickItem(page, 'References');
  await emulateScreen(page, 1280, 800, 1);
});

test('the editor fields stay in place while title findings come and go', async () => {
  await clickItem(page, '+ New reference');
  const before = await itemRect(page, 'URL');
  await page.keyboard.type('TBD', { delay: 5 }); // the cursor is in Customer
  await clickItem(page, 'Title', 'left');
  await page.keyboard.type('aws', { delay: 5 });
  await settle(page);
  const during = await itemRect(page, 'URL');
  await page.keyboard.insertText(' Serverless Order Processing Cuts Cost in Retail');
  await settle(page);
  const after = await itemRect(page, 'URL');
  assert.equal(during.y, before.y, 'URL field did not move as findings appeared');
  assert.equal(after.y, before.y, 'URL field did not move as findings went');
  await clickItem(page, 'Cancel');
});

test('Esc closes Help and About, which never stack; a new reference takes the keyboard; Enter adds it', async () => {
  await page.keyboard.press('F1');
  await settle(page);
  assert.equal((await state()).help, true);
  await clickItem(page, 'Help');
  await clickItem(page, 'About RefTier');
  let s = await state();
  assert.deepEqual([s.help, s.about], [false, true], 'About replaces Help');
  await page.keyboard.press('Escape');
  await settle(page);
  s = await state();
  assert.deepEqual([s.help, s.about], [false, false], 'Esc closes About');
  await page.keyboard.press('F1');
  await settle(page);
  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal((await state()).help, false, 'Esc closes Help');

  const count = (await state()).references;
  await clickItem(page, '+ New reference');
  await page.keyboard.type('Globex Bank', { delay: 5 });
  await settle(page);
  assert.equal((await page.evaluate(() => window.reftier.editorDraft())).customer, 'Globex Bank');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('Serverless Payments Cut Cost in Financial Services');
  await clickItem(page, 'URL', 'left');
  await page.keyboard.insertText('https://example.com/globex-payments');
  await clickItem(page, 'Workload', 'left');
  await page.keyboard.insertText('serverless payment processing');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.reftier.state().references === n, count + 1,
                             { timeout: WAIT_MS }).catch(() => {});
  assert.equal((await state()).references, count + 1, 'Enter added the reference');
  assert.equal(await page.evaluate(() => window.reftier.editorDraft()), null);
  await page.keyboard.press('Control+z');
  await settle(page);
});

test('dialogs open in the middle of the window', async () => {
  await clickItem(page, 'Workshop');
  await clickItem(page, 'Clear all...');
  await page.mouse.move(20, 300);
  await settle(page);
  const dialog = await itemRect(page, 'Replace everything?');
  assert.ok(dialog, 'the confirmation is shown');
  const [width, height] = await page.evaluate(() => [innerWidth, innerHeight]);
  assert.ok(Math.abs(dialog.x + dialog.width / 2 - width / 2) < 4, `centred across (${JSON.stringify(dialog)})`);
  assert.ok(Math.abs(dialog.y + dialog.height / 2 - height / 2) < 4, `centred down (${JSON.stringify(dialog)})`);
  await clickItem(page, 'Cancel');
});

test('a merge conflict shows both values and is chosen per conflict; messages name references', async () => {
  const doc = await page.evaluate(() => window.reftier.document());
  const [first, second] = [doc.references[0], doc.references[1]];
  first.title = 'Changed Elsewhere: DevOps Drives Velocity in Retail';
  second.status = 'rejected';
  await page.setInputFiles('#reftier-file-input', {
    name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)),
  });
  await settle(page, 8);
  assert.ok(await itemRect(page, `Take the file's ${first.id}`), 'each conflict has its own choice');
  await clickItem(page, `Take the file's ${first.id}`);
  await clickItem(page, 'Merge');
  const merged = await page.evaluate(() => window.reftier.document());
  assert.equal(merged.references[0].title, first.title, 'the first conflict took the file\'s');
  assert.notEqual(merged.references[1].status, 'rejected', 'the second kept mine');
  await page.keyboard.press('Control+z');
  await settle(page);
  assert.match((await state()).toast, /^Undone: the merge of colleague\.json$/);

  await clickItem(page, doc.references[0].customer);
  await clickItem(page, 'Save');
  assert.doesNotMatch((await state()).toast, /r-\d/, 'no internal id in the message');
});

test('small things: an empty new reference shows no errors, the filter clears, Clear all drops "(sample)"', async () => {
  await clickItem(page, '+ New reference');
  assert.equal(await itemRect(page, 'title check'), null, 'no findings before anything is typed');
  await clickItem(page, 'Add reference');
  assert.equal((await state()).references, 25, 'an empty reference is not added');
  assert.ok(await itemRect(page, 'title check'), 'its problems show once the user tried to add it');
  await clickItem(page, 'Cancel');

  await clickItem(page, 'Filter', 'left');
  await page.keyboard.type('hooli', { delay: 5 });
  await settle(page);
  assert.equal((await state()).rows_shown, 2);
  await clickItem(page, 'Clear filter');
  await settle(page);
  assert.equal((await state()).rows_shown, 25);

  const second = await context.newPage();
  await second.goto(url);
  await second.evaluate(() => window.reftier.ready);
  await clickItem(page, 'Workshop');
  await clickItem(page, 'Clear all...');
  await clickItem(page, 'Clear all');
  assert.equal((await page.evaluate(() => window.reftier.document())).partner.name, 'Northwind Cloud Partners');
  await page.evaluate(() => window.reftier.whenSaved());
  await second.waitForFunction(() => window.reftier.state().other_tab_changed === true);
  assert.doesNotMatch((await second.evaluate(() => window.reftier.state())).status_text, /saved$/i,
                      'the other tab does not claim its changes are saved');
  await second.close();
  await page.keyboard.press('Control+z');
  await settle(page);
});

test('presentation mode fits a 1280x720 projector: the whole toolbar and the status bar are in view', async () => {
  await emulateScreen(page, 1280, 720, 1);
  await clickItem(page, 'Workshop');
  await clickItem(page, 'Presentation mode');
  await settle(page, 6);
  for (const label of ['+ New reference', 'Filter', 'Clear filter', 'Draft', 'Submitted', 'Approved',
                       'Rejected', 'rows shown', 'status bar']) {
    const r = await itemRect(page, label);
    assert.ok(r, `${label} is drawn`);
    assert.ok(r.x >= 0 && r.x + r.width <= 1280 && r.y + r.height <= 720, `${label} is in view: ${JSON.stringify(r)}`);
  }
  await deviceShot(page, join(ARTIFACTS, 'layout-presentation-1280x720.png'));
  await clickItem(page, 'Workshop');
  await clickItem(page, 'Presentation mode');
  await emulateScreen(page, 1280, 800, 1);
});
