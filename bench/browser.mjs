// Benchmarks 2 to 6, in Debian's headless Chromium against the real app page (the build
// served by scripts/serve.mjs, which gzips like a production server would):
//   start    cold load to the first interactive frame, and the bytes it transfers;
//   import   window.reftier.importJson(text) vs JSON.parse(text) of the same string, same page;
//   export   window.reftier.documentJson() vs JSON.stringify of the parsed object, same page;
//   frames   CPU time per frame while scrolling the 100,000-row table and typing in the filter
//            box (the app's own frame_build_ms / frame_total_ms), and frames drawn while idle;
//   memory   the wasm memory (Module.HEAP8.length) with 100,000 references loaded.
// Import and export are timed by the page's main-thread CPU time as well as the wall clock, since
// a busy machine inflates the wall clock; frame times are the app's own (wall-clock) figures, and
// bench/run.mjs prints the load average next to them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { benchImport } from './import.mjs';
import { benchStart, describeStart } from './start.mjs';

// The flags that render WebGL in headless Chromium here (shared/TOOLCHAIN.md), as in
// tests/e2e/browser.mjs.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
const DOCUMENT_PATH = '/bench-document.json';
const IDLE_WINDOWS = 5;

// A new profile each time: no HTTP cache, no compiled-code cache, no stored document.
export async function launch(serviceWorkers) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'reftier-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 }, serviceWorkers,
  });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  const page = context.pages()[0] || await context.newPage();
  // CPU time of the page's main thread (Performance.getMetrics ThreadTime): unlike the wall
  // clock it does not grow when other processes take the machine's cores.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp, close };
}

export async function mainThreadCpuMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

// The steps of the import and export benchmark, installed in the page once (the page's CSP
// allows no eval, so they cannot be sent as text one by one).
function installSteps() {
  window.__steps = {
    stringify: () => JSON.stringify(window.__parsed, null, 2).length,
    documentJson: () => window.reftier.documentJson().length,
  };
}

// Runs one step in the page: its wall time from performance.now() in the page, and the main
// thread's CPU time around it (which includes the evaluate call itself, well under a ms).
async function timeStep(page, cdp, name, arg, steps = '__steps') {
  const cpuBefore = await mainThreadCpuMs(cdp);
  const { wallMs, value } = await page.evaluate(async ([s, n, a]) => {
    const start = performance.now();
    const value = await window[s][n](a);
    return { wallMs: performance.now() - start, value };
  }, [steps, name, arg]);
  return { wallMs, cpuMs: (await mainThreadCpuMs(cdp)) - cpuBefore, value };
}

function fastest(runs) {
  return runs.reduce((best, run) => (run.cpuMs < best.cpuMs ? run : best));
}

// Counts the bytes the server writes to its sockets (headers and gzipped bodies), so what the
// service worker fetches for its offline copy is counted too.
function countServerBytes(server) {
  const counter = { bytes: 0 };
  server.on('request', (request, response) => {
    const socket = response.socket;
    const before = socket.bytesWritten;
    response.on('finish', () => { counter.bytes += socket.bytesWritten - before; });
  });
  return counter;
}

// Records every frame the app draws, with its own CPU figures, tagged with the current phase;
// the app draws nothing while idle, so frames come only after input. Read in
// requestAnimationFrame callbacks. Runs through page.evaluate, which the page's CSP allows.
function installFrameSampler() {
  window.__frames = [];
  window.__phase = 'idle';
  window.__keys = 0;
  // Keystrokes counted by the text they type: the text agent keeps the keydown of a key that
  // types a character from every other listener (src/platform/text_agent_library.js).
  window.addEventListener('input', () => { window.__keys += 1; }, true);
  let last = window.reftier.state().frames_drawn;
  const tick = () => {
    const s = window.reftier.state();
    if (s.frames_drawn !== last) {
      window.__frames.push({ phase: window.__phase, drawn: s.frames_drawn - last, build: s.frame_build_ms,
                             total: s.frame_total_ms, key: window.__keys, at: performance.now(),
                             why: `work ${s.work_pending}, save ${s.save_state}, toast "${s.toast}"` });
      last = s.frames_drawn;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function frameStats(frames) {
  const build = frames.map((f) => f.build);
  const total = frames.map((f) => f.total);
  return { frames: frames.length, buildMedian: percentile(build, 50), buildP95: percentile(build, 95),
           totalMedian: percentile(total, 50), totalP95: percentile(total, 95), totalMax: Math.max(...total) };
}

// Clicks a labelled ImGui widget with the mouse; the app draws (and so places its widgets) only
// after input, so the pointer is moved first and the frames it causes are awaited.
async function clickLabel(page, label) {
  await page.mouse.move(1, 1);
  await page.waitForTimeout(200);
  const rect = await page.evaluate((l) => window.reftier.itemRect(l), label);
  if (!rect) throw new Error(`no widget labelled "${label}" on screen`);
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await page.waitForTimeout(200);
}

async function framesDrawnOver(page, ms) {
  const before = await page.evaluate(() => window.reftier.state().frames_drawn);
  await page.waitForTimeout(ms);
  const after = await page.evaluate(() => window.reftier.state().frames_drawn);
  return after - before;
}

async function benchDocumentAndFrames(url, documentText, log) {
  // Service workers off: the page's fetch of the generated document must reach page.route, and
  // 40 MB must not be copied into the offline cache.
  const { page, cdp, close } = await launch('block');
  await page.route(`**${DOCUMENT_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: documentText }));
  await page.goto(url);
  await page.evaluate(() => window.reftier.ready);
  await page.evaluate(() => window.reftier.enableLocator());
  // A new profile opens on the welcome dialog, which is modal: close it as a user would.
  if ((await page.evaluate(() => window.reftier.state())).welcome) await clickLabel(page, 'Start empty');
  await page.evaluate(async (path) => {
    window.__benchText = await (await fetch(path)).text();
  }, DOCUMENT_PATH);

  // Import and export, each next to the browser's own JSON on the same string. Every step is
  // its own page.evaluate, timed in the page (wall) and by the page's main-thread CPU time.
  await page.evaluate(installSteps);
  const step = (name, arg) => timeStep(page, cdp, name, arg);
  // Import: bench/import.mjs.
  const importResult = await benchImport(page, (steps, name, arg) => timeStep(page, cdp, name, arg, steps), log);
  const { parse, imports } = importResult;
  const imported = imports[0].run;
  const stringify = fastest([await step('stringify'), await step('stringify')]);
  const exported = fastest([await step('documentJson'), await step('documentJson')]);
  const heapAfterExport = await page.evaluate(() => {
    delete window.__benchText;
    delete window.__benchBytes;
    delete window.__parsed;
    return Module.HEAP8.length;
  });
  const first = imports[0].settled.value;
  const io = {
    bytes: Buffer.byteLength(documentText), references: first.references,
    parse, imported, imports, importResult, stringify, exported,
    heapAfterImport: first.heap, heapAfterSave: first.heapSaved, heapAfterExport,
  };
  const both = (t) => `${t.cpuMs.toFixed(0)} ms CPU (${t.wallMs.toFixed(0)} ms wall)`;
  log(`  document: ${io.references} references, ${(io.bytes / 1e6).toFixed(1)} MB`);
  log(`  export: documentJson ${both(exported)} vs JSON.stringify(.., null, 2) ${both(stringify)}`);
  log(`  wasm memory: after the first import ${(io.heapAfterImport / 2 ** 20).toFixed(1)} MB, after its autosave ` +
      `${(io.heapAfterSave / 2 ** 20).toFixed(1)} MB, after a second import and the exports ${(heapAfterExport / 2 ** 20).toFixed(1)} MB`);

  // Frames: scroll the table with the wheel, wait, then type in the filter box.
  await page.evaluate(installFrameSampler);
  await page.mouse.move(640, 450);
  await page.evaluate(() => { window.__phase = 'scroll'; });
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, i < 20 ? 240 : -120);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__phase = 'idle'; });
  // Several windows: a frame drawn at the end of some work shows up in one run of five (issue 14).
  const idleWindows = [];
  for (let i = 0; i < IDLE_WINDOWS; i++) idleWindows.push(await framesDrawnOver(page, 2000));
  const idleFrames = Math.max(...idleWindows);

  const button = await page.evaluate(() => window.reftier.itemRect('+ New reference'));
  if (!button) throw new Error('"+ New reference" is not on screen');
  // The filter box is the next widget on the toolbar line, right of the button (references_view.cpp).
  await page.mouse.click(button.x + button.width + 40, button.y + button.height / 2);
  await page.waitForTimeout(200);
  await page.evaluate(() => { window.__phase = 'type'; });
  for (const key of 'cloud') {
    await page.keyboard.type(key);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__phase = 'focused'; });
  const focusedFrames = await framesDrawnOver(page, 2000);
  const frames = await page.evaluate(() => window.__frames);
  const heapEnd = await page.evaluate(() => Module.HEAP8.length);
  await close();

  const scroll = frameStats(frames.filter((f) => f.phase === 'scroll'));
  const typing = frameStats(frames.filter((f) => f.phase === 'type'));
  // The frame that runs the new filter may come a frame or more after the key's text (the text
  // waits for the next frame, the filter runs in slices), so each keystroke counts its costliest
  // frame before the next key.
  const perKey = new Map();
  for (const f of frames.filter((x) => x.phase === 'type' && x.key > 0))
    if (!perKey.has(f.key) || perKey.get(f.key).total < f.total) perKey.set(f.key, f);
  const keystrokes = frameStats([...perKey.values()]);
  log(`  frames: scroll ${scroll.frames} frames, build median ${scroll.buildMedian.toFixed(2)} ms, ` +
      `total median ${scroll.totalMedian.toFixed(2)} / p95 ${scroll.totalP95.toFixed(2)} ms; typing ${typing.frames} ` +
      `frames, total median ${typing.totalMedian.toFixed(2)} / p95 ${typing.totalP95.toFixed(2)} ms; the costliest ` +
      `frame of each of the ${keystrokes.frames} keystrokes: median ${keystrokes.totalMedian.toFixed(1)}, max ` +
      `${keystrokes.totalMax.toFixed(1)} ms`);
  for (const f of frames.filter((x) => x.phase === 'idle')) log(`  an idle frame at ${f.at.toFixed(0)} ms: ${f.why}`);
  log(`  idle: at most ${idleFrames} frames in 2 s without input (${IDLE_WINDOWS} windows: ${idleWindows.join(', ')}); ${focusedFrames} frames in 2 s with the caret in ` +
      `the filter box`);
  return { io, frames: { scroll, typing, keystrokes, idleFrames, idleWindows, focusedFrames }, heapEnd };
}

export async function benchBrowser({ webRoot, documentText, startOnly = false, log = console.log }) {
  const server = await startServer(webRoot, 0);
  const serverBytes = countServerBytes(server);
  const url = `http://127.0.0.1:${server.address().port}/`;
  try {
    const start = await benchStart(url, serverBytes);
    log(describeStart(start));
    if (startOnly) return { start };
    const rest = await benchDocumentAndFrames(url, documentText, log);
    return { start, ...rest };
  } finally {
    server.close();
  }
}
