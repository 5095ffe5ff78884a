// Runs the six benchmarks of docs/performance.md and prints each figure next to its target and
// its peer. Figures, not tests: nothing here fails because the machine is slow; the exit code
// is non-zero only when a benchmark cannot run at all.
//
// node bench/run.mjs --web build/bench-wasm/web --modules build/bench-wasm/bench
// (scripts/bench.sh builds both and runs this.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchBrowser } from './browser.mjs';
import { benchSave } from './save.mjs';
import { importRows } from './import.mjs';
import { benchLighthouse, describeLighthouse } from './lighthouse.mjs';
import { generateDocumentText } from './generate.mjs';
import { benchTitles, fastest, measure } from './title.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REFERENCES = 100000;
const TITLES = 100000;

// --only runs one part while working on it: title (1), core (2/3 under node), start (5), browser (2-6),
// save (7: after an import, and memory).
const PARTS = ['title', 'core', 'start', 'browser', 'save'];
const { values: args } = parseArgs({ options: { web: { type: 'string' }, modules: { type: 'string' },
                                                only: { type: 'string' } } });
if (!args.web || !args.modules || (args.only && !PARTS.includes(args.only))) {
  console.error(`usage: node bench/run.mjs --web WEB_DIR --modules BENCH_MODULES_DIR [--only ${PARTS.join('|')}]`);
  process.exit(2);
}
const runs = (part) => !args.only || args.only === part;
const webRoot = resolve(args.web);
const modules = resolve(args.modules);
const titleRules = join(ROOT, 'assets/title_rules.json');
const tierRules = join(ROOT, 'assets/tier_rules.json');

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m);
  // Debian's chromium wrapper script complains on stderr about its memory check; not ours.
  const chromium = execFileSync('/usr/bin/chromium', ['--version'],
                                { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  return `${os.cpus().length} CPUs (${cpu ? cpu[1] : 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
         `node ${process.version}, ${chromium}`;
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

// Benchmarks 2 and 3 once more without a browser: the core's read_document and write_document
// in wasm under node against V8's JSON.parse / JSON.stringify, by CPU time, plus what the app
// computes after an import and the heap it uses (bench/doc_bench.cpp).
function benchDocumentInNode(documentPath, documentText) {
  const output = execFileSync('node', ['--no-experimental-fetch', join(modules, 'doc_bench.js'),
                                       documentPath, titleRules, tierRules], { encoding: 'utf8' });
  const core = JSON.parse(output.trim().split('\n').pop());
  let parsed;
  const parse = [0, 1, 2].map(() => measure(() => { parsed = JSON.parse(documentText); }));
  const stringify = [0, 1, 2].map(() => measure(() => JSON.stringify(parsed, null, 2)));
  return { core, parse: fastest(parse), stringify: fastest(stringify) };
}

// The same document read by nlohmann's SAX interface with a record-filling handler, against the
// project's cursor, in one wasm run (bench/sax_bench.cpp): the reader choice of issue 16.
function benchSaxInNode(documentPath) {
  return JSON.parse(execFileSync('node', ['--no-experimental-fetch', join(modules, 'sax_bench.js'), documentPath],
                                 { encoding: 'utf8' }));
}

const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function printTable(rows) {
  const headers = ['benchmark', 'RefTier', 'peer', 'ratio', 'target', ''];
  const table = [headers, ...rows.map((r) => [r.name, r.value, r.peer || '', r.ratio || '', r.target, r.met ? 'met' : 'MISSED'])];
  const widths = headers.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
}

const started = Date.now();
console.log(`machine: ${machine()}`);
console.log(`load average at start: ${loadAverage()}`);
const work = mkdtempSync(join(os.tmpdir(), 'reftier-bench-'));
try {
  const rows = [];
  if (runs('title')) {
    console.log('\n1. title checks (node)');
    const titles = await benchTitles({ modulePath: join(modules, 'title_bench.js'), rulesPath: titleRules, count: TITLES });
    rows.push({ name: '1 title check (wasm, CPU)', value: `${titles.usPerTitle.toFixed(2)} us/title`,
                peer: `write-good ${((titles.writeGood.cpuMs * 1000) / titles.titles).toFixed(2)} us`,
                ratio: `${titles.ratio.toFixed(1)}x faster`, target: '>= 10x faster, <= 2 us/title',
                met: titles.ratio >= 10 && titles.usPerTitle <= 2 });
  }

  const documentText = runs('core') || runs('browser') || runs('save') ? generateDocumentText(REFERENCES) : '';
  if (runs('core')) {
    console.log(`\n2./3. document read and write, core only (wasm under node)`);
    const documentPath = join(work, 'document.json');
    writeFileSync(documentPath, documentText);
    const node = benchDocumentInNode(documentPath, documentText);
    const core = node.core;
    console.log(`  read_document ${ms(core.read.cpu_ms)} CPU vs JSON.parse ${ms(node.parse.cpuMs)}; write_document ` +
                `(indent 2) ${ms(core.write.cpu_ms)} vs JSON.stringify(.., null, 2) ${ms(node.stringify.cpuMs)}; compact write ` +
                `${ms(core.write_compact.cpu_ms)}`);
    console.log(`  start-up: rules loaded in ${ms(core.load_rules.cpu_ms)}; importing the same document again plans a ` +
                `merge first: ${ms(core.plan_merge_same_document.cpu_ms)}`);
    console.log(`  after an import: table order ${ms(core.query_sorted.cpu_ms)}, document checks ` +
                `${ms(core.reference_check.cpu_ms)}, filter "cloud" typed (5 queries) ${ms(core.filter_five_keystrokes.cpu_ms)}, ` +
                `all title scores (grade sort) ${ms(core.title_scores.cpu_ms)}`);
    console.log(`  heap in use: text ${mb(core.heap_text_bytes)}, document ${mb(core.heap_document_bytes)}, with table order ` +
                `and checks ${mb(core.heap_after_first_frame_work_bytes)}, with every title report ` +
                `${mb(core.heap_with_title_reports_bytes)}; wasm memory after read ${mb(core.memory_after_read_bytes)}, ` +
                `at the end ${mb(core.memory_peak_bytes)}`);
    const nodeReadRatio = core.read.cpu_ms / node.parse.cpuMs;
    const nodeWriteRatio = core.write.cpu_ms / node.stringify.cpuMs;
    const sax = benchSaxInNode(documentPath);
    console.log(`  nlohmann::json::sax_parse filling records ${ms(sax.nlohmann_sax_filling_records.cpu_ms)} CPU vs the ` +
                `cursor's read_document ${ms(sax.cursor_read_document.cpu_ms)} (${sax.sax_over_cursor.toFixed(2)}x; ` +
                `nlohmann DOM parse ${ms(sax.nlohmann_dom_parse.cpu_ms)})`);
    rows.push({ name: '  read_document (node, CPU)', value: ms(core.read.cpu_ms), peer: `JSON.parse ${ms(node.parse.cpuMs)}`,
                ratio: `${nodeReadRatio.toFixed(1)}x`, target: '<= 1.5x JSON.parse', met: nodeReadRatio <= 1.5 });
    rows.push({ name: '  nlohmann SAX reader (node, CPU)', value: ms(sax.nlohmann_sax_filling_records.cpu_ms),
                peer: `cursor ${ms(sax.cursor_read_document.cpu_ms)}`, ratio: `${sax.sax_over_cursor.toFixed(1)}x`,
                target: 'cursor kept only while SAX >= 1.25x', met: sax.sax_over_cursor >= 1.25 });
    rows.push({ name: '  write_document (node, CPU)', value: ms(core.write.cpu_ms), peer: `JSON.stringify ${ms(node.stringify.cpuMs)}`,
                ratio: `${nodeWriteRatio.toFixed(1)}x`, target: '<= 1.5x JSON.stringify', met: nodeWriteRatio <= 1.5 });
  }

  if (runs('start') || runs('browser')) {
    console.log('\n2.-6. the app in Chromium');
    const browser = await benchBrowser({ webRoot, documentText, startOnly: !runs('browser') });
    const { start } = browser;
    rows.push({ name: '5 cold start to interactive', value: ms(start.cold.interactiveMs),
                peer: `median of ${start.runs.length}`, target: '<= 400 ms', met: start.cold.interactiveMs <= 400 });
    rows.push({ name: '  warm start (1,000 stored)', value: ms(start.warm.interactiveMs), target: '<= 200 ms',
                met: start.warm.interactiveMs <= 200 });
    rows.push({ name: '  longest task, start to idle', value: `${ms(start.longestTaskMs)} wall`,
                peer: `${ms(start.longestTaskCpuMs)} CPU`, target: '<= 50 ms', met: start.longestTaskMs <= 50 });
    console.log('  Lighthouse 12.2.3, performance only, a new profile per run (about a minute each)');
    const lh = await benchLighthouse(webRoot);
    for (const r of [lh.desktop, lh.mobile]) {
      console.log(`  ${describeLighthouse(r)}`);
      const target = r.preset === 'desktop' ? 0.95 : 0.9;
      if (r.error) {
        rows.push({ name: `  Lighthouse ${r.preset}`, value: 'could not run', target: `>= ${target.toFixed(2)}`, met: false });
        continue;
      }
      const longest = Math.max(0, ...r.longTasks.map((t) => t.ms));
      rows.push({ name: `  Lighthouse ${r.preset}`, value: r.score.toFixed(2),
                  peer: `TBT ${ms(r.tbtMs)}, ${r.longTasks.length} long tasks, longest ${ms(longest)}`,
                  target: `>= ${target.toFixed(2)}`, met: r.score >= target });
    }
    rows.push({ name: '  bytes on the wire (gzip)', value: `${(start.cold.pageBytes / 1024).toFixed(0)} KB`,
                peer: `${(start.cold.serverBytes / 1024).toFixed(0)} KB with SW copy`, target: '<= 700 KB',
                met: start.cold.pageBytes <= 700 * 1024 });
    if (runs('browser')) {
      const { io, frames } = browser;
      const exportRatio = io.exported.cpuMs / io.stringify.cpuMs;
      const peakHeap = Math.max(io.heapAfterImport, io.heapAfterSave, io.heapAfterExport, browser.heapEnd);
      rows.push(...importRows(io.importResult, ms));
      rows.push(
        { name: '3 export (Chromium, CPU)', value: ms(io.exported.cpuMs), peer: `JSON.stringify ${ms(io.stringify.cpuMs)}`,
          ratio: `${exportRatio.toFixed(1)}x`, target: '<= 1.5x JSON.stringify', met: exportRatio <= 1.5 },
        { name: '4 frame while scrolling', value: `median ${ms(frames.scroll.totalMedian)}, p95 ${ms(frames.scroll.totalP95)}`,
          peer: `views+ImGui ${ms(frames.scroll.buildMedian)} / ${ms(frames.scroll.buildP95)}`, target: '<= 2 ms',
          met: frames.scroll.totalP95 <= 2 },
        { name: '  app\'s own work, scroll / typing', value: `p95 ${ms(frames.scroll.buildP95)} / ${ms(frames.typing.buildP95)}`,
          target: '<= 2 ms at p95', met: Math.max(frames.scroll.buildP95, frames.typing.buildP95) <= 2 },
        { name: '  frame per filter keystroke', value: `median ${ms(frames.keystrokes.totalMedian)}, max ${ms(frames.keystrokes.totalMax)}`,
          target: '<= 2 ms', met: frames.keystrokes.totalMax <= 2 },
        { name: `  frames while idle (2 s, max of ${frames.idleWindows.length})`, value: String(frames.idleFrames),
          target: '0', met: frames.idleFrames === 0 },
        { name: '6 wasm memory, 100k loaded', value: mb(io.heapAfterImport), peer: `after save, export ${mb(peakHeap)}`,
          target: '<= 64 MB', met: io.heapAfterImport <= 64 * 2 ** 20 });
    }
  }
  if (runs('save')) {
    console.log(`\n7. after an import: checks and autosave, memory (Chromium; load average ${loadAverage()})`);
    const save = await benchSave({ webRoot, firstText: documentText, secondText: generateDocumentText(REFERENCES, 3) });
    const { first } = save;
    const peakMb = Math.max(save.second.heapAfterSave, save.heapAfterExports) / 2 ** 20;
    rows.push(
      { name: '7 longest task after an import', value: ms(first.longestMs), peer: `JSON.stringify ${ms(save.peer.ms)}`,
        ratio: `${first.longTasks} over 50 ms`, target: '<= 50 ms, none over', met: first.longestMs <= 50 },
      { name: '  ... by CPU time (trace)', value: ms(first.longestCpuMs),
        ratio: `${first.over50Cpu.length} over 50 ms`, target: '<= 50 ms, none over', met: first.longestCpuMs <= 50 },
      { name: '  import call to all done', value: ms(first.doneMs), peer: `checks ${ms(first.checksMs)}`,
        target: '<= 3000 ms', met: first.doneMs <= 3000 },
      { name: '  wasm memory after its autosave', value: mb(first.heapAfterSave), peer: `loaded ${mb(first.heapAfterImport)}`,
        target: '<= 64 MB loaded', met: first.heapAfterImport <= 64 * 2 ** 20 },
      { name: '  ... after 2nd import, 2 exports', value: `${peakMb.toFixed(1)} MB`, target: '<= 96 MB', met: peakMb <= 96 });
  }
  console.log(`\nsummary (load average at end: ${loadAverage()}; ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  printTable(rows);
} finally {
  rmSync(work, { recursive: true, force: true });
}
