// The screenshot set of issue 18, written to tests/e2e/artifacts/screens/ for people to look
// at: each main view (references, the editor open, tier progress, accounts, the import / merge
// dialog) in the dark and light themes and in presentation mode, at 1280x800 at pixel ratio 1
// and 900x600 at pixel ratio 2. One browser context, the sample data loaded once; each
// picture is checked to be drawn and to fill the window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from './png.mjs';
import { ARTIFACTS, clickItem, deviceShot, emulateScreen, newContext, openApp, settle, startApp } from './browser.mjs';

const SCREENS = join(ARTIFACTS, 'screens');
mkdirSync(SCREENS, { recursive: true });

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


async function setTheme(light, presentation) {
  const s = await page.evaluate(() => window.reftier.state());
  if (s.light !== light) {
    await clickItem(page, 'Workshop');
    await clickItem(page, 'Light theme');
  }
  if (s.presentation !== presentation) {
    await clickItem(page, 'Workshop');
    await clickItem(page, 'Presentation mode');
  }
  await settle(page, 6);
}

async function picture(name, width, height, ratio) {
  const path = await deviceShot(page, join(SCREENS, `${name}.png`));
  const png = PNG.read(readFileSync(path));
  assert.equal(png.width, width * ratio, `${name}: the picture is the window's size`);
  assert.ok(png.distinctColours() > 20, `${name}: drawn`);
}

// A merge of the sample with two references changed elsewhere: the dialog lists conflicts.
async function openMergeDialog() {
  const doc = await page.evaluate(() => window.reftier.document());
  doc.references[0].title = 'DevOps and Cloud Culture Drive Release Velocity in Retail';
  doc.references[0].status = 'approved';
  doc.references[2].url = 'https://example.com/customers/aperture-science-kubernetes';
  await page.setInputFiles('#reftier-file-input', {
    name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)),
  });
  await settle(page, 8);
  assert.equal((await page.evaluate(() => window.reftier.state())).import_dialog_open, true);
}

test('the screenshot set: every view, theme and presentation mode, two sizes and pixel ratios', async () => {
  const themes = [['dark', false, false], ['light', true, false], ['presentation', false, true]];
  const sizes = [[1280, 800, 1], [900, 600, 2]];
  for (const [theme, light, presentation] of themes) {
    await setTheme(light, presentation);
    for (const [width, height, ratio] of sizes) {
      await emulateScreen(page, width, height, ratio);
      const at = `${theme}-${width}x${height}@${ratio}`;
      await clickItem(page, 'References');
      await picture(`references-${at}`, width, height, ratio);
      // A row in view at every size, with an error marker and findings.
      await clickItem(page, 'Cyberdyne Systems');
      await picture(`editor-${at}`, width, height, ratio);
      await clickItem(page, 'Cancel');
      await clickItem(page, 'Tier progress');
      await picture(`tier-progress-${at}`, width, height, ratio);
      await clickItem(page, 'Accounts');
      await picture(`accounts-${at}`, width, height, ratio);
      await clickItem(page, 'References');
      await openMergeDialog();
      await picture(`import-merge-${at}`, width, height, ratio);
      await clickItem(page, 'Cancel');
    }
  }
  await setTheme(false, false);
  await emulateScreen(page, 1280, 800, 1);
});
