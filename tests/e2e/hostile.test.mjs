// Every hostile file of tests/data/hostile through the browser's import: refused with an error
// naming the path its README gives (or accepted where it says so), nothing crashes, and the
// document stored in IndexedDB stays byte-identical.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newContext, openApp, startApp, storedDocument } from './browser.mjs';

const HOSTILE = resolve(dirname(fileURLToPath(import.meta.url)), '../data/hostile');
const cases = readFileSync(resolve(HOSTILE, 'README.md'), 'utf8').split('\n')
  .map((line) => line.match(/^\| `([^`]+)` \| (refused|accepted) \| `?([^`|]*)`? \|/))
  .filter(Boolean).map(([, file, outcome, path]) => ({ file, outcome, path: path.trim() }));

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

test('every hostile file is handled as its README says and the stored document is unchanged', async () => {
  assert.ok(cases.length >= 40, `only ${cases.length} hostile cases found`);
  const context = await newContext();
  const page = await openApp(context, url, [], 'Load sample data');
  await page.evaluate(() => window.reftier.whenSaved());
  let before = await storedDocument(page);
  for (const c of cases) {
    // Bytes go in as they are, invalid UTF-8 included, as a dropped file's would.
    const bytes = [...readFileSync(resolve(HOSTILE, c.file))];
    const result = await page.evaluate((b) => window.reftier.importBytes(new Uint8Array(b), 'merge'), bytes);
    if (c.outcome === 'refused') {
      assert.equal(result.ok, false, `${c.file} should be refused`);
      const wanted = c.path === '(document)' ? '' : c.path;
      assert.ok(result.errors.some((e) => e.path === wanted || (wanted && e.path.startsWith(wanted))),
        `${c.file}: no error names ${c.path}: ${JSON.stringify(result.errors).slice(0, 300)}`);
      assert.equal(await storedDocument(page), before, `${c.file} changed the stored document`);
    } else {
      assert.equal(result.ok, true, `${c.file} should be accepted: ${JSON.stringify(result.errors).slice(0, 300)}`);
      await page.evaluate(() => window.reftier.whenSaved());
      before = await storedDocument(page);
    }
  }
  await context.close();
});
