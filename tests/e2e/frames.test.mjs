// What reaches the canvas (src/app/frame_fingerprint.h): a frame that would draw the picture
// already on screen is built but not drawn onto the canvas, since without a GPU every drawn
// frame costs the browser a read-back of the canvas; a frame that changes anything is drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { itemRect, launch, openApp, settle, startApp } from './browser.mjs';
import { PNG } from './png.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const frames = (page) => page.evaluate(() => {
  const s = window.reftier.state();
  return { drawn: s.frames_drawn, presented: s.frames_presented };
});

// Until no frame has been drawn for a while: input asks for a few frames to settle.
async function still(page) {
  let last = await frames(page);
  for (;;) {
    await page.waitForTimeout(300);
    const now = await frames(page);
    if (now.drawn === last.drawn) return now;
    last = now;
  }
}

const pixels = async (page) => PNG.read(await page.screenshot()).pixels;

test('moving the mouse over nothing draws frames but puts none on the canvas', async () => {
  const { context } = await launch();
  const page = await openApp(context, url);
  await page.mouse.move(900, 600);
  const before = await still(page);
  assert.equal(typeof before.presented, 'number');
  const picture = await pixels(page);
  await page.mouse.move(910, 610);
  await page.mouse.move(905, 604);
  const afterMoves = await still(page);
  assert.ok(afterMoves.drawn > before.drawn, 'the moves asked for frames');
  assert.equal(afterMoves.presented, before.presented);
  assert.ok(picture.equals(await pixels(page)), 'the canvas still shows the same picture');
  await context.close();
});

test('a frame that changes the picture is put on the canvas', async () => {
  const { context } = await launch();
  const page = await openApp(context, url);
  const rect = await itemRect(page, '+ New reference');
  await page.mouse.move(900, 600);
  const before = await still(page);
  const picture = await pixels(page);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2); // the button lights up
  const hovered = await still(page);
  assert.ok(hovered.presented > before.presented);
  assert.ok(!picture.equals(await pixels(page)), 'the hovered button is on screen');
  await page.mouse.move(900, 600);
  await settle(page);
  assert.ok((await still(page)).presented > hovered.presented, 'and so is its end');
  assert.ok(picture.equals(await pixels(page)));
  await context.close();
});
