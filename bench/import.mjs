// Benchmark 2, import, in the real app page (bench/browser.mjs opens it with the generated
// document's text in window.__benchText): JSON.parse of the text against
// window.reftier.importJson(text) and importBytes(bytes) of the same text in the same page, and
// every main-thread task over 50 ms (PerformanceObserver 'longtask') during the import and
// during what follows it (the first frame, the document checks, the autosave).
//
// The import runs in slices between the page's tasks (src/app/import_run.cpp), so it is timed
// three ways: its slices' own time (reftier.lastImport().work_ms, the figure set against
// JSON.parse, which also runs on the main thread without any frame), the page's main-thread CPU
// time from start to end (which also holds the frames drawn meanwhile), and the wall clock.

// Installed in the page (its CSP allows no eval).
function installImportSteps() {
  window.__longTasks = [];
  window.__longTaskObserver = new PerformanceObserver((list) => {
    window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })));
  });
  window.__longTaskObserver.observe({ type: 'longtask' });
  const takeLongTasks = () => {
    window.__longTasks.push(...window.__longTaskObserver.takeRecords()
      .map((e) => ({ start: e.startTime, duration: e.duration })));
    return window.__longTasks.splice(0);
  };
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  window.__importSteps = {
    parse: () => { window.__parsed = JSON.parse(window.__benchText); },
    encode: () => { window.__benchBytes = new TextEncoder().encode(window.__benchText); },
    clear: () => { takeLongTasks(); },
    run: async (name) => {
      const start = performance.now();
      const result = name === 'importJson' ? await window.reftier.importJson(window.__benchText, 'replace')
                                           : await window.reftier.importBytes(window.__benchBytes, 'replace');
      const end = performance.now();
      return { ok: result.ok, errors: result.errors.slice(0, 3), start, end, slices: window.reftier.lastImport(),
               readingMs: result.reading_ms, checkingMs: result.checking_ms };
    },
    // The frame after the import, the checks spread over frames, then the autosave.
    settled: async () => {
      const framesBefore = window.reftier.state().frames_drawn;
      while (window.reftier.state().frames_drawn === framesBefore) await frame();
      const state = window.reftier.state();
      const heap = Module.HEAP8.length;
      while (window.reftier.state().work_pending) await frame();
      await window.reftier.whenSaved();
      await frame();
      return { references: state.references, firstFrameBuildMs: state.frame_build_ms, heap,
               heapSaved: Module.HEAP8.length, end: performance.now() };
    },
    longTasks: () => takeLongTasks(),
  };
}

const over50 = (tasks) => tasks.filter((t) => t.duration > 50);
const longest = (tasks) => Math.max(0, ...tasks.map((t) => t.duration));

// `timeStep(name, arg)` runs window.__importSteps[name] timed by wall and main-thread CPU.
export async function benchImport(page, timeStep, log) {
  await page.evaluate(installImportSteps);
  const step = (name, arg) => timeStep('__importSteps', name, arg);
  const fastest = (runs) => runs.reduce((best, run) => (run.cpuMs < best.cpuMs ? run : best));
  const parse = fastest([await step('parse'), await step('parse')]);
  const encode = await step('encode');
  const imports = [];
  // Twice, as a user importing a file again would: a string through importJson, then the bytes
  // a dropped file gives through importBytes. Memory is read after the first, when the page
  // held no document before.
  for (const name of ['importJson', 'importBytes']) {
    await step('clear');
    const run = await step('run', name);
    if (!run.value.ok) throw new Error(`the generated document did not import: ${JSON.stringify(run.value.errors)}`);
    const settled = await step('settled');
    const tasks = (await step('longTasks')).value;
    const during = tasks.filter((t) => t.start < run.value.end);
    const after = tasks.filter((t) => t.start >= run.value.end);
    imports.push({ name, run, slices: run.value.slices, settled, during, after,
                   ratio: run.value.slices.work_ms / parse.wallMs, cpuRatio: run.cpuMs / parse.cpuMs });
  }
  const both = (t) => `${t.cpuMs.toFixed(0)} ms CPU (${t.wallMs.toFixed(0)} ms wall)`;
  log(`  JSON.parse ${both(parse)}; TextEncoder.encode alone ${both(encode)}`);
  for (const i of imports) {
    const s = i.slices;
    log(`  ${i.name}: ${s.work_ms.toFixed(0)} ms in ${s.slices} slices (longest ${s.longest_ms.toFixed(1)} ms; reading ` +
        `${i.run.value.readingMs.toFixed(0)} ms, the storable check ${i.run.value.checkingMs.toFixed(0)} ms), ` +
        `${(s.work_ms / parse.wallMs).toFixed(2)}x JSON.parse; start to end ${both(i.run)} with the frames drawn meanwhile; ` +
        `tasks over 50 ms: ${over50(i.during).length} during (longest ${longest(i.during).toFixed(0)} ms), ` +
        `${over50(i.after).length} in the first frame, checks and autosave after it (longest ${longest(i.after).toFixed(0)} ms, ` +
        `${both(i.settled)}; first frame_build_ms ${i.settled.value.firstFrameBuildMs.toFixed(0)})`);
  }
  return { parse, encode, imports };
}

// The summary rows: each import's slices against JSON.parse, and the long tasks.
export function importRows(result, ms) {
  const rows = [];
  for (const i of result.imports) {
    rows.push({ name: `2 ${i.name} (Chromium, its slices)`, value: ms(i.slices.work_ms),
                peer: `JSON.parse ${ms(result.parse.wallMs)}`, ratio: `${i.ratio.toFixed(2)}x`,
                target: '<= 1.0x JSON.parse', met: i.ratio <= 1.0 });
  }
  for (const i of result.imports) {
    const all = [...i.during, ...i.after];
    rows.push({ name: `  longest task, ${i.name} and after`, value: ms(longest(all)),
                peer: `${over50(i.during).length} over 50 ms during, ${over50(i.after).length} after`,
                target: '<= 50 ms, 0 over', met: over50(all).length === 0 });
  }
  return rows;
}
