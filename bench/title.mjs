// Benchmark 1: title checks. The core's check_title compiled to wasm against the npm package
// write-good, on the same generated titles, in the same node process, one after the other.
// The figure is the check the table runs for each row (score, grade, findings, no suggested
// rewrite), on records already split in wasm memory, as write-good gets its titles as strings;
// copying and splitting the records is timed apart. The editor's check, which also builds the
// suggested rewrite, is timed the same way and printed on its own line.
// Both get a warm-up pass on the first titles first, so neither is timed while V8 still
// compiles it; then each is timed over all titles twice and the faster run is kept (noise from
// other work on the machine only ever adds time). Each run is measured two ways: wall clock,
// and the process's CPU time, which other processes on a busy machine do not inflate.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  // The AWS service names sit next to the title rules (assets/aws_services.json), as in the app.
  const servicesPath = join(dirname(rulesPath), 'aws_services.json');
  if (!module.ccall('bench_title_load_rules', 'number', ['string', 'string'],
                    [readFileSync(rulesPath, 'utf8'), readFileSync(servicesPath, 'utf8')]))
    throw new Error(`title rules did not load from ${rulesPath} and ${servicesPath}`);
  // The records are copied into wasm memory and split there once; each run checks them all in
  // one call, a loop inside wasm.
  const load = (tsv) =>
    measure(() => {
      const bytes = Buffer.from(tsv, 'utf8');
      const pointer = module._malloc(bytes.length);
      module.HEAPU8.set(bytes, pointer);
      const titles = module._bench_title_load_records(pointer, bytes.length);
      module._free(pointer);
      return titles;
    });
  const check = (withSuggestion = false) => {
    const run = measure(() => module._bench_title_check(withSuggestion ? 1 : 0));
    const result = (i) => module._bench_title_result(i);
    return { loopMs: run.value, wallMs: run.wallMs, cpuMs: run.cpuMs, titles: result(0),
             grades: { weak: result(2), fair: result(3), strong: result(4) }, findings: result(5) };
  };
  return { load, check };
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
  const module = await loadTitleModule(modulePath, rulesPath);

  module.load(titleRecordsToTsv(records.slice(0, WARM_UP)));
  module.check();
  module.check(true);
  runWriteGood(titles.slice(0, WARM_UP));

  const split = module.load(tsv);
  const reftierRuns = [];
  const suggestionRuns = [];
  const writeGoodRuns = [];
  for (let run = 0; run < RUNS; run++) {
    reftierRuns.push(module.check());
    suggestionRuns.push(module.check(true));
    writeGoodRuns.push(runWriteGood(titles));
  }
  const reftier = fastest(reftierRuns);
  const withSuggestion = fastest(suggestionRuns);
  const peer = fastest(writeGoodRuns);
  log(`  ${reftier.titles} titles; RefTier grades: weak ${reftier.grades.weak}, fair ${reftier.grades.fair}, ` +
      `strong ${reftier.grades.strong}, ${reftier.findings} findings; write-good: ${peer.suggestions} suggestions`);
  log(`  RefTier (wasm): ${reftier.cpuMs.toFixed(0)} ms CPU, ${reftier.wallMs.toFixed(0)} ms wall for the call ` +
      `from JS that checks all records, of which the check loop ${reftier.loopMs.toFixed(0)} ms wall; copying ` +
      `and splitting the records before took ${split.cpuMs.toFixed(0)} ms CPU, not counted`);
  log(`  write-good:     ${peer.cpuMs.toFixed(0)} ms CPU, ${peer.wallMs.toFixed(0)} ms wall`);
  log(`  for information, the editor's check with the suggested rewrite: ` +
      `${((withSuggestion.cpuMs * 1000) / withSuggestion.titles).toFixed(2)} us/title, ` +
      `${withSuggestion.cpuMs.toFixed(0)} ms CPU, ${(peer.cpuMs / withSuggestion.cpuMs).toFixed(1)}x faster than write-good`);
  return {
    titles: reftier.titles,
    reftier,
    withSuggestion,
    split,
    writeGood: peer,
    usPerTitle: (reftier.cpuMs * 1000) / reftier.titles,
    ratio: peer.cpuMs / reftier.cpuMs,
  };
}
