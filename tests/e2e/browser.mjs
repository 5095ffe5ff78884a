// Shared set-up for the end-to-end tests: serve the built app on loopback, start Debian's
// Chromium through playwright-core with the flags that render WebGL headless here
// (shared/TOOLCHAIN.md), and small helpers to drive the ImGui canvas with the real mouse.
import { after } from 'node:test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_ROOT = process.env.REFTIER_WEB || resolve(here, '../../build/wasm/web');
export const ARTIFACTS = resolve(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

// How long a test waits for the app to reach a state it must reach before it reads the outcome.
// Generous, because the machine may be running several suites at once: a correct run moves on
// as soon as the state is there, and a wrong one still fails.
export const WAIT_MS = 30_000;

export async function startApp() {
  const server = await startServer(WEB_ROOT, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { server, url };
}

// One Chromium per test file (node --test runs each file in a process of its own), started on
// first use; each test takes a fresh context of it (its own storage, cache and permissions, as a
// new profile has). A browser started for each test cost about 2 CPU seconds a test more
// (workshop.test.mjs: 31.8 against 21.8 CPU seconds for its five tests, node and Chromium).
let sharedBrowser = null;
export async function newContext({ viewport = { width: 1280, height: 800 }, ...options } = {}) {
  sharedBrowser ??= chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
                                      args: CHROMIUM_ARGS });
  const context = await (await sharedBrowser).newContext({
    viewport, screen: { width: viewport.width + 640, height: viewport.height + 400 },
    acceptDownloads: true, ...options,
  });
  track(context);
  return context;
}

// A browser of its own on a persistent profile, so IndexedDB survives a browser restart (a test
// that kills the browser needs this; newContext() serves every other test). The screen
// is kept larger than the viewport: Emscripten's GLFW takes a canvas sized to the whole screen
// for a fullscreen request and leaves the canvas at its old size.
export async function launch(userDataDir = mkdtempSync(join(tmpdir(), 'reftier-e2e-')),
                             { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport, screen: { width: viewport.width + 640, height: viewport.height + 400 },
    acceptDownloads: true,
  });
  track(context);
  return { context, userDataDir };
}

// A test that fails before its own context.close() would leave its browser running, and the
// test file would then never exit; every browser still open is closed once the file is done.
const openContexts = new Set();
// On a machine that runs several suites at once a page load can take longer than playwright's
// 30 s navigation limit (seen at a load average of 33 on two cores); that alone fails no test.
function track(context) {
  context.setDefaultNavigationTimeout(120_000);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
}
after(async () => {
  for (const context of openContexts) await context.close().catch(() => {});
  if (sharedBrowser) await (await sharedBrowser).close().catch(() => {});
});

// Kills every process of the browser that runs on `userDataDir` with SIGKILL, as a crash or a
// power cut would: no unload, no flush. (context.close() shuts the browser down cleanly.)
// Returns how many processes were killed.
export function killBrowser(userDataDir) {
  let killed = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^[0-9]+$/.test(name))) {
    let args;
    try { args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (!args.includes(`--user-data-dir=${userDataDir}`)) continue;
    try { process.kill(Number(pid), 'SIGKILL'); killed++; } catch { /* already gone */ }
  }
  return killed;
}

// A fresh profile opens on the welcome dialog; `welcome` picks its button.
export async function openApp(context, url, consoleErrors = [], welcome = 'Start empty') {
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.evaluate(() => window.reftier.ready);
  await page.evaluate(() => window.reftier.enableLocator());
  await settle(page);
  if (await page.evaluate(() => window.reftier.state().welcome)) await clickItem(page, welcome);
  return page;
}

// Lets the app draw the frames that follow input (it draws nothing while idle).
// The frames are counted in the page, so waiting for them costs one round trip, not one each.
export async function settle(page, frames = 4) {
  await page.evaluate((n) => new Promise((resolve) => {
    const next = () => (n-- > 0 ? requestAnimationFrame(next) : resolve());
    next();
  }), frames);
}

export async function itemRect(page, label) {
  await settle(page);
  return page.evaluate((l) => window.reftier.itemRect(l), label);
}

// Clicks a labelled ImGui widget with the real mouse. `at` picks the point inside its box.
export async function clickItem(page, label, at = 'center') {
  const rect = await itemRect(page, label);
  if (!rect) throw new Error(`no widget labelled "${label}" on screen`);
  const x = at === 'left' ? rect.x + 12 : rect.x + rect.width / 2;
  const y = rect.y + rect.height / 2;
  await page.mouse.move(x, y);
  await settle(page, 2);
  await page.mouse.down();
  await settle(page, 2);
  await page.mouse.up();
  await settle(page);
}

export async function typeInto(page, label, text) {
  await clickItem(page, label, 'left');
  await page.keyboard.type(text, { delay: 5 });
  await settle(page);
}

export async function shot(page, name) {
  await settle(page);
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// One CDP session per page, kept open: Chromium drops a session's emulation when it detaches.
const cdpSessions = new WeakMap();
async function cdpOf(page) {
  if (!cdpSessions.has(page)) cdpSessions.set(page, await page.context().newCDPSession(page));
  return cdpSessions.get(page);
}

// A screenshot in device pixels, also under a pixel ratio set by emulateScreen (which
// page.screenshot does not know of, so it would scale the picture back to CSS pixels).
export async function deviceShot(page, path) {
  await settle(page);
  const { data } = await (await cdpOf(page)).send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(path, Buffer.from(data, 'base64'));
  return path;
}

// The viewport and pixel ratio of `page`, set through CDP's Emulation.setDeviceMetricsOverride,
// as a window resized or moved to another screen gets them; the app must follow both at once.
export async function emulateScreen(page, width, height, ratio) {
  await page.setViewportSize({ width, height });
  await (await cdpOf(page)).send('Emulation.setDeviceMetricsOverride',
                                 { width, height, deviceScaleFactor: ratio, mobile: false });
  // A change of the ratio alone fires no event here; the page notices it within half a second.
  await page.waitForFunction(([w, h]) => {
    const c = document.getElementById('canvas');
    return c.width === w && c.height === h;
  }, [width * ratio, height * ratio], { timeout: WAIT_MS });
  await settle(page, 6);
}

// The stored document as text: the app stores UTF-8 bytes (earlier versions stored a string).
export async function storedDocument(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('reftier', 1);
    open.onsuccess = () => {
      const get = open.result.transaction('documents').objectStore('documents').get('current');
      get.onsuccess = () => {
        const stored = get.result ?? null;
        if (stored instanceof Blob) stored.text().then(resolve, reject);
        else resolve(stored instanceof Uint8Array ? new TextDecoder().decode(stored) : stored);
      };
      get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
  }));
}

// Puts `value` under `key` in the app's database, as a stored document (a string: as an
// earlier version stored it).
export const putStored = (page, value, key = 'current') => page.evaluate(([v, k]) => new Promise((resolve) => {
  const open = indexedDB.open('reftier', 1);
  open.onsuccess = () => {
    const tx = open.result.transaction('documents', 'readwrite');
    tx.objectStore('documents').put(v, k);
    tx.oncomplete = () => { open.result.close(); resolve(); };
  };
}), [value, key]);
