// Benchmark 7 (issue 14): what the page does after an import of 100,000 references, in Debian's
// headless Chromium against the real app page. From the moment importBytes() returns to
// "everything done" (the document checks finished and "All changes saved"), a PerformanceObserver
// lists every main-thread task over 50 ms (the browser's long-task threshold): the longest and
// how many. The peer, in the same page: JSON.stringify of the same document, the one task a
// page that saves its document as JSON text in one go would pay. Then the wasm memory
// (Module.HEAP8.length, which never shrinks: the high-water mark so far) after the import, after
// its autosave, and after a second import (another generated document) and two exports.
import { launch, mainThreadCpuMs } from './browser.mjs';
import { startTrace } from './trace.mjs';
import { startServer } from '../scripts/serve.mjs';

const FIRST_PATH = '/bench-save-first.json';
const SECOND_PATH = '/bench-save-second.json';

// Installed in the page (its CSP allows no eval): the steps, each run by one page.evaluate.
function installSaveSteps() {
  window.__save = { tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__save.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  const fetchBytes = async (path) => new Uint8Array(await (await fetch(path)).arrayBuffer());
  window.__saveSteps = {
    fetch: async (paths) => {
      window.__save.first = await fetchBytes(paths[0]);
      window.__save.second = await fetchBytes(paths[1]);
    },
    // The stretch starts with the import call (the import runs in slices and its Promise
    // settles when the document is replaced; bench/import.mjs times the slices themselves).
    importAndSettle: async (which) => {
      const called = performance.now();
      const result = await window.reftier.importBytes(window.__save[which], 'replace');
      if (!result.ok) return { ok: false, errors: result.errors.slice(0, 3) };
      let checked = null;
      const heapAfterImport = Module.HEAP8.length;
      for (;;) {
        await new Promise((r) => setTimeout(r, 10));
        const s = window.reftier.state();
        if (s.save_state === 'failed') return { ok: false, errors: [s.save_error] };
        if (checked === null && !s.work_pending) checked = performance.now();
        if (checked !== null && s.save_state === 'saved') break;
      }
      const done = performance.now();
      await new Promise((r) => setTimeout(r, 300)); // long-task entries arrive after the task
      const tasks = window.__save.tasks.filter((t) => t.start >= called && t.start < done);
      return {
        ok: true, checksMs: checked - called, doneMs: done - called, heapAfterImport,
        heapAfterSave: Module.HEAP8.length, longTasks: tasks.length,
        longestMs: Math.max(0, ...tasks.map((t) => t.duration)), readBack: window.reftier.lastReadBack(),
      };
    },
    stringify: () => {
      const parsed = JSON.parse(new TextDecoder().decode(window.__save.first));
      const start = performance.now();
      const text = JSON.stringify(parsed);
      return { ms: performance.now() - start, length: text.length };
    },
    exportTwice: () => {
      window.reftier.documentJson();
      window.reftier.documentJson();
      return Module.HEAP8.length;
    },
  };
}

export async function benchSave({ webRoot, firstText, secondText, log = console.log }) {
  const server = await startServer(webRoot, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const { page, cdp, close } = await launch('block');
  try {
    await page.route(`**${FIRST_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: firstText }));
    await page.route(`**${SECOND_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: secondText }));
    await page.goto(url);
    await page.evaluate(() => window.reftier.ready);
    await page.evaluate(installSaveSteps);
    await page.evaluate((paths) => window.__saveSteps.fetch(paths), [FIRST_PATH, SECOND_PATH]);
    // The same stretch traced: each task's CPU time, which a busy machine does not inflate as
    // it does the wall times the PerformanceObserver sees.
    const settle = async (which) => {
      const cpuBefore = await mainThreadCpuMs(cdp);
      const stopTrace = await startTrace(cdp);
      const run = await page.evaluate((w) => window.__saveSteps.importAndSettle(w), which);
      const traced = await stopTrace();
      if (!run.ok) throw new Error(`the ${which} import or its save failed: ${JSON.stringify(run.errors)}`);
      const over50Cpu = traced.filter((t) => t.cpuMs > 50);
      return { ...run, cpuMs: (await mainThreadCpuMs(cdp)) - cpuBefore, over50Cpu,
               longestCpuMs: traced.reduce((a, t) => Math.max(a, t.cpuMs), 0) };
    };
    const first = await settle('first');
    const peer = await page.evaluate(() => window.__saveSteps.stringify());
    const second = await settle('second');
    const heapAfterExports = await page.evaluate(() => window.__saveSteps.exportTwice());
    const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
    for (const [name, r] of [['first', first], ['second', second]]) {
      log(`  ${name} import of 100,000 references: checks done ${r.checksMs.toFixed(0)} ms and saved ` +
          `${r.doneMs.toFixed(0)} ms after the import call (main thread ${r.cpuMs.toFixed(0)} ms CPU, the ` +
          `import call included); ${r.longTasks} tasks over 50 ms, the longest ${r.longestMs.toFixed(0)} ms; ` +
          `read-back in the ${r.readBack.where} ${r.readBack.ms.toFixed(0)} ms of ${r.readBack.total_ms.toFixed(0)} ms`);
      log(`    by CPU time (trace): ${r.over50Cpu.length} tasks over 50 ms, the longest ${r.longestCpuMs.toFixed(0)} ms` +
          (r.over50Cpu.length ? `: ${r.over50Cpu.map((t) => `${t.cpuMs.toFixed(0)} ms ${t.what}`).join(', ')}` : ''));
    }
    log(`  peer: JSON.stringify of the same document, one task of ${peer.ms.toFixed(0)} ms`);
    log(`  wasm memory: after the import ${mb(first.heapAfterImport)}, after its autosave ${mb(first.heapAfterSave)}, ` +
        `after a second import ${mb(second.heapAfterSave)} and two exports ${mb(heapAfterExports)}`);
    return { first, second, peer, heapAfterExports };
  } finally {
    await close();
    server.close();
  }
}
