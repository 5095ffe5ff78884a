// Benchmark 1: title checks. The core's check_title compiled to wasm against the npm package
// write-good, on the same generated titles, in the same node process, one after the other.
// Both get a warm-up pass on the first titles first, so neither is timed while V8 still
// compiles it; then each is timed over all titles twice and the faster run is kept (noise from
// other work on the machine only ever adds time). Each run is measured two ways: wall clock,
// and the process's CPU time, which other processes on a busy machine do not inflate.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { generateTitleRecords, titleRecordsToTsv } from './generate.mjs';

const require = createRequire(import.meta.url);
const writeGood = require('write-good');

const RUNS = 2;
const WARM_UP = 10000;

// Wall and CPU milliseconds of fn(); CPU time counts every thread of the process (V8's
// compiler and garbage collector threads too), so it is an upper bound of the work done.
export function measure(fn) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export function fastest(runs) {
  return runs.reduce((best, run) => (run.cpuMs < best.cpuMs ? run : best));
}

async function loadTitleModule(modulePath, rulesPath) {
  const createTitleBench = require(modulePath);
  // The wasm bytes are handed over, so emscripten does not fetch() a file path: this process
  // keeps Node's fetch, which playwright-core needs.
  const module = await createTitleBench({ wasmBinary: readFileSync(modulePath.replace(/\.js$/, '.wasm')) });
  if (!module.ccall('bench_title_load_rules', 'number', ['string'], [readFileSync(rulesPath, 'utf8')]))
    throw new Error(`title rules did not load from ${rulesPath}`);
  // One call per run: the records are copied into wasm memory once and checked in a loop there.
  return (tsv) => {
    const run = measure(() => {
      const bytes = Buffer.from(tsv, 'utf8');
      const pointer = module._malloc(bytes.length);
      module.HEAPU8.set(bytes, pointer);
      const loopMs = module._bench_title_check(pointer, bytes.length);
      module._free(pointer);
      return loopMs;
    });
    const result = (i) => module._bench_title_result(i);
    return { loopMs: run.value, wallMs: run.wallMs, cpuMs: run.cpuMs, titles: result(0),
             grades: { weak: result(2), fair: result(3), strong: result(4) }, findings: result(5) };
  };
}

function runWriteGood(titles) {
  const run = measure(() => {
    let suggestions = 0;
    for (const title of titles) suggestions += writeGood(title).length;
    return suggestions;
  });
  return { suggestions: run.value, wallMs: run.wallMs, cpuMs: run.cpuMs };
}

export async function benchTitles({ modulePath, rulesPath, count = 100000, seed = 1, log = console.log }) {
  const records = generateTitleRecords(count, seed);
  const titles = records.map((r) => r.title);
  const tsv = titleRecordsToTsv(records);
  const checkAll = await loadTitleModule(modulePath, rulesPath);

  checkAll(titleRecordsToTsv(records.slice(0, WARM_UP)));
  runWriteGood(titles.slice(0, WARM_UP));

  const reftierRuns = [];
  const writeGoodRuns = [];
  for (let run = 0; run < RUNS; run++) {
    reftierRuns.push(checkAll(tsv));
    writeGoodRuns.push(runWriteGood(titles));
  }
  const reftier = fastest(reftierRuns);
  const peer = fastest(writeGoodRuns);
  log(`  ${reftier.titles} titles; RefTier grades: weak ${reftier.grades.weak}, fair ${reftier.grades.fair}, ` +
      `strong ${reftier.grades.strong}, ${reftier.findings} findings; write-good: ${peer.suggestions} suggestions`);
  log(`  RefTier (wasm): ${reftier.cpuMs.toFixed(0)} ms CPU, ${reftier.wallMs.toFixed(0)} ms wall for the whole ` +
      `call from JS (copy, split, check), of which the check loop ${reftier.loopMs.toFixed(0)} ms wall`);
  log(`  write-good:     ${peer.cpuMs.toFixed(0)} ms CPU, ${peer.wallMs.toFixed(0)} ms wall`);
  return {
    titles: reftier.titles,
    reftier,
    writeGood: peer,
    usPerTitle: (reftier.cpuMs * 1000) / reftier.titles,
    ratio: peer.cpuMs / reftier.cpuMs,
  };
}
