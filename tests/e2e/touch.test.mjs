// A tablet in a workshop: a touch-emulated context (hasTouch, isMobile) in landscape and
// portrait. A reference is added by taps and typing alone; the tap that opens a field gives an
// editable element the focus (what brings up the phone's keyboard); dragging scrolls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, settle, shot, startApp } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

async function openTablet(viewport) {
  const context = await newContext({ viewport, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = context.pages()[0] || await context.newPage();
  await page.goto(url);
  await page.evaluate(() => window.reftier.ready);
  await page.evaluate(() => window.reftier.enableLocator());
  await settle(page);
  return { context, page };
}

async function tap(page, label) {
  await settle(page);
  const r = await page.evaluate((l) => window.reftier.itemRect(l), label);
  if (!r) throw new Error(`no widget labelled "${label}" on screen`);
  await page.touchscreen.tap(r.x + Math.min(20, r.width / 2), r.y + r.height / 2);
  await settle(page);
}

// A finger dragged from (x, y) by dy, in steps, as CDP's touch events deliver it.
async function drag(page, x, y, dy) {
  const cdp = await page.context().newCDPSession(page);
  const point = (py) => [{ x, y: py, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + (dy * i) / 10) });
    await settle(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await settle(page);
}

for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`a reference is added by taps and typing on a ${size} tablet`, async () => {
    const { context, page } = await openTablet(viewport);
    await tap(page, 'Start empty');
    await tap(page, '+ New reference');
    await tap(page, 'Customer');
    const focused = await page.evaluate(() => ({ tag: document.activeElement.tagName,
                                                 label: document.activeElement.getAttribute('aria-label') }));
    assert.deepEqual(focused, { tag: 'INPUT', label: 'Customer' }, 'the tap focused an editable element');
    await page.keyboard.insertText('Müller Logistik');
    await tap(page, 'Title');
    await page.keyboard.insertText('Serverless Tracking Cuts Delivery Times in Logistics');
    await tap(page, 'URL');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('inputmode')), 'url');
    await page.keyboard.insertText('https://example.com/mueller');
    await tap(page, 'Workload');
    await page.keyboard.insertText('serverless parcel tracking');
    await shot(page, `touch-${size}-editor-typed`);
    // Hit targets a finger can use: the fields are at least 32 CSS pixels tall.
    const field = await page.evaluate(() => window.reftier.itemRect('Customer'));
    assert.ok(field.height >= 32, `field height ${field.height}`);
    // The Add button may be below the editor's fold: drag the editor up until it shows.
    for (let i = 0; i < 6; i++) {
      const add = await page.evaluate(() => window.reftier.itemRect('Add reference'));
      if (add && add.y + add.height < viewport.height - 60) break;
      const editor = await page.evaluate(() => window.reftier.itemRect('Notes'));
      await drag(page, editor.x + 40, viewport.height * 0.7, -viewport.height * 0.3);
    }
    await tap(page, 'Add reference');
    const doc = await page.evaluate(() => window.reftier.document());
    assert.equal(doc.references.length, 1);
    assert.equal(doc.references[0].customer, 'Müller Logistik');
    assert.equal(doc.references[0].url, 'https://example.com/mueller');
    await shot(page, `touch-${size}-reference-added`);
    await context.close();
  });
}

test('dragging the table scrolls it and a drag is not a tap', async () => {
  const { context, page } = await openTablet({ width: 1024, height: 768 });
  await tap(page, 'Load sample data');
  await page.evaluate(() => window.reftier.whenSaved());
  // A row still on screen after the drag: the eighth.
  const row = await page.evaluate(() => window.reftier.rows()[7].customer);
  const before = await page.evaluate((c) => window.reftier.itemRect(c), row);
  await drag(page, 300, 600, -150);
  const after = await page.evaluate((c) => window.reftier.itemRect(c), row);
  assert.ok(after.y < before.y - 100, `the table followed the finger: ${JSON.stringify({ before, after })}`);
  assert.equal(await page.evaluate(() => window.reftier.editorDraft()), null, 'the drag opened no row');
  await shot(page, 'touch-table-dragged');
  await context.close();
});
