// Benchmark 5, the start: from navigation start to the first interactive frame (window.reftier
// ready, with a frame drawn), cold in a new profile (no HTTP cache, no code cache, no stored
// document) and warm (a reload of the same profile, with the sample document stored), the
// main thread's CPU time on the way, the bytes transferred, and the longest main-thread task
// from navigation to idle (a PerformanceObserver installed before the page's own scripts).
import { launch, mainThreadCpuMs } from './browser.mjs';
import { startTrace } from './trace.mjs';
import { generateDocumentText } from './generate.mjs';

export const START_RUNS = 3;
const WARM_DOCUMENT = generateDocumentText(1000);

// Runs in the page before its own scripts. Marks (performance.now(), from navigation start):
// when IndexedDB opened, the runtime initialized (before main()), the first frame drawn, and
// `ready`; and every long task from the start. The wasm is preloaded, so the runtime can start
// before DOMContentLoaded: the hook goes on the Module object as soon as the page assigns it.
const START_PROBE = `
window.__benchLongTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__benchLongTasks.push({ startMs: e.startTime, ms: e.duration });
}).observe({ type: 'longtask', buffered: true });
window.__benchStart = new Promise((resolve) => {
  const marks = {};
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = function() {
    const start = performance.now();
    const request = open.apply(null, arguments);
    request.addEventListener('success', () => {
      if (marks.storageOpenedMs === undefined) {
        marks.storageOpenedMs = performance.now();
        marks.storageOpenTookMs = marks.storageOpenedMs - start;
      }
    });
    return request;
  };
  let moduleObject;
  Object.defineProperty(window, 'Module', {
    configurable: true,
    get() { return moduleObject; },
    set(value) {
      moduleObject = value;
      if (!value || value.__benchHooked) return;
      value.__benchHooked = true;
      const initialized = value.onRuntimeInitialized;
      value.onRuntimeInitialized = function() {
        marks.runtimeInitializedMs = performance.now();
        if (initialized) initialized.apply(this, arguments);
      };
      // Straight after each turn of the render loop, in the same task as the frame.
      const afterLoop = value.postMainLoop;
      value.postMainLoop = function() {
        if (afterLoop) afterLoop.apply(this, arguments);
        if (marks.firstFrameMs === undefined && window.reftier.state().frames_drawn > 0) {
          marks.firstFrameMs = performance.now();
          marks.firstFrameSaveState = window.reftier.state().save_state;
        }
      };
    },
  });
  document.addEventListener('DOMContentLoaded', () => {
    marks.domContentLoadedMs = performance.now();
    window.reftier.ready.then(() => {
      marks.readyMs = performance.now();
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      marks.wasmArrivedMs = wasm ? wasm.responseEnd : NaN;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      marks.firstContentfulPaintMs = paint ? paint.startTime : NaN;
      const check = () => {
        if (window.reftier.state().frames_drawn > 0) resolve({ ...marks, interactiveMs: performance.now() });
        else requestAnimationFrame(check);
      };
      check();
    });
  });
});`;

// The longest task since navigation, once the page has been quiet (no new long task) for 1 s.
async function longestTaskToIdle(page) {
  let seen = -1;
  for (let i = 0; i < 20; i++) {
    const count = await page.evaluate(() => window.__benchLongTasks.length);
    if (count === seen) break;
    seen = count;
    await page.waitForTimeout(1000);
  }
  return page.evaluate(() => window.__benchLongTasks.reduce((a, t) => Math.max(a, t.ms), 0));
}

async function loadOnce(page, cdp, navigate) {
  const cpuBefore = await mainThreadCpuMs(cdp);
  const stopTrace = await startTrace(cdp);
  await navigate();
  const timing = await page.evaluate(() => window.__benchStart);
  // A reload may get a new renderer process, whose counter starts again from zero.
  const cpuAfter = await mainThreadCpuMs(cdp);
  const cpuMs = cpuAfter >= cpuBefore ? cpuAfter - cpuBefore : cpuAfter;
  const longestTaskMs = await longestTaskToIdle(page);
  const tasks = await page.evaluate(() => window.__benchLongTasks);
  const traced = await stopTrace();
  const longestTaskCpuMs = traced.reduce((a, t) => Math.max(a, t.cpuMs), 0);
  const tasksOver50Cpu = traced.filter((t) => t.cpuMs > 50);
  return { ...timing, cpuMs, longestTaskMs, longTasks: tasks, longestTaskCpuMs, tasksOver50Cpu };
}

export async function benchStart(url, serverBytes) {
  const runs = [];
  for (let run = 0; run < START_RUNS; run++) {
    const { page, cdp, close } = await launch('allow');
    await cdp.send('Network.enable');
    let pageBytes = 0;
    const files = [];
    cdp.on('Network.responseReceived', (event) => {
      const length = Number(event.response.headers['content-length'] || event.response.headers['Content-Length'] || 0);
      pageBytes += length;
      files.push({ url: event.response.url.replace(url, '/'), bytes: length });
    });
    await page.addInitScript(START_PROBE);
    serverBytes.bytes = 0;
    const cold = await loadOnce(page, cdp, () => page.goto(url, { timeout: 180000 }));
    // The service worker copies the app's files after the load event; let it finish.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.ready);
    Object.assign(cold, { pageBytes, serverBytes: serverBytes.bytes, files: [...files] });
    // A returning visit: the same profile, with its caches, the service worker and a stored
    // document of 1,000 references.
    const imported = await page.evaluate(async (text) => (await window.reftier.importJson(text, 'replace')).ok, WARM_DOCUMENT);
    if (!imported) throw new Error('the warm start\'s document did not import');
    await page.evaluate(() => window.reftier.whenSaved());
    const warm = await loadOnce(page, cdp, () => page.reload({ timeout: 180000 }));
    runs.push({ cold, warm });
    await close();
  }
  const median = (pick) => {
    const sorted = runs.map(pick).sort((a, b) => a.interactiveMs - b.interactiveMs);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const longest = (key) => Math.max(...runs.map((r) => Math.max(r.cold[key], r.warm[key])));
  return { cold: median((r) => r.cold), warm: median((r) => r.warm), runs,
           longestTaskMs: longest('longestTaskMs'), longestTaskCpuMs: longest('longestTaskCpuMs') };
}

export function describeStart(start) {
  const at = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a');
  const m = start.cold;
  const list = (pick) => start.runs.map((r) => pick(r).interactiveMs.toFixed(0)).join(', ');
  const cpuTasks = (t) => (t.tasksOver50Cpu.length ? t.tasksOver50Cpu.map((x) => `${x.cpuMs.toFixed(0)} ms (${x.what})`).join(', ') : 'none');
  const tasks = (t) => (t.longTasks.length ? t.longTasks.map((x) => x.ms.toFixed(0)).join(', ') + ' ms' : 'none');
  return [
    `  cold start (new profile): wasm arrived ${at(m.wasmArrivedMs)}, runtime initialized ` +
    `${at(m.runtimeInitializedMs)}, first frame ${at(m.firstFrameMs)} (save state then: ${m.firstFrameSaveState}), ` +
    `IndexedDB opened ${at(m.storageOpenedMs)} (open took ${at(m.storageOpenTookMs)}), ready ${at(m.readyMs)}, ` +
    `interactive ${at(m.interactiveMs)}, first contentful paint ${at(m.firstContentfulPaintMs)}; main thread ` +
    `${at(m.cpuMs)} CPU; long tasks ${tasks(m)} (median of ${START_RUNS}: ${list((r) => r.cold)} ms)`,
    `  warm start (reload, same profile, a document stored): first frame ${at(start.warm.firstFrameMs)} (save ` +
    `state then: ${start.warm.firstFrameSaveState}), interactive ${at(start.warm.interactiveMs)}, main thread ` +
    `${at(start.warm.cpuMs)} CPU; long tasks ${tasks(start.warm)} (runs: ${list((r) => r.warm)} ms)`,
    `  longest main-thread task from navigation to idle, any run: ${at(start.longestTaskMs)} wall, ` +
    `${at(start.longestTaskCpuMs)} CPU (trace); tasks over 50 ms of CPU: cold ${cpuTasks(m)}, warm ${cpuTasks(start.warm)}`,
    `  bytes: page ${(m.pageBytes / 1024).toFixed(0)} KB gzipped ` +
    `(${m.files.map((f) => `${f.url} ${(f.bytes / 1024).toFixed(0)}`).join(', ')}); the server sent ` +
    `${(m.serverBytes / 1024).toFixed(0)} KB in all, headers and the service worker's offline copy included`,
  ].join('\n');
}
