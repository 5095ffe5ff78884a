// Lighthouse 12 (lighthouse@12.2.3, pinned in bench/package.json: newer majors need Node 22) on
// the app page, performance category only, with the desktop preset and with the default mobile
// one (4x CPU slowdown, a slow 4G link), in Debian's Chromium with the flags that render WebGL
// here (shared/TOOLCHAIN.md). Each run is a new profile, so it measures a first visit.
// Reported: the score, total blocking time, the paint and interactivity metrics, and every long
// task Lighthouse saw (audits["long-tasks"]), with the script it ran in.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';

const LIGHTHOUSE = join(dirname(fileURLToPath(import.meta.url)), 'node_modules/lighthouse/cli/index.js');
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

// Asynchronous on purpose: the page's server runs in this same process and must keep answering.
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 240000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`lighthouse exited with ${code}: ${stderr.slice(-600)}`));
    });
  });
}

const metric = (audits, id) => (audits[id] ? audits[id].numericValue : NaN);

// One Lighthouse run; preset 'desktop' or 'mobile' (Lighthouse's default settings).
export async function lighthouse(url, preset) {
  const dir = mkdtempSync(join(tmpdir(), 'reftier-lighthouse-'));
  try {
    const report = join(dir, 'report.json');
    const args = [LIGHTHOUSE, url, '--output=json', `--output-path=${report}`, '--quiet',
                  '--only-categories=performance', `--chrome-flags=${CHROME_FLAGS.join(' ')}`];
    if (preset === 'desktop') args.push('--preset=desktop');
    await run(process.execPath, args, { ...process.env, CHROME_PATH: '/usr/bin/chromium', TMPDIR: dir });
    const lhr = JSON.parse(readFileSync(report, 'utf8'));
    const audits = lhr.audits;
    const items = (audits['long-tasks'] && audits['long-tasks'].details && audits['long-tasks'].details.items) || [];
    return {
      preset,
      score: lhr.categories.performance.score,
      tbtMs: metric(audits, 'total-blocking-time'),
      fcpMs: metric(audits, 'first-contentful-paint'),
      lcpMs: metric(audits, 'largest-contentful-paint'),
      ttiMs: metric(audits, 'interactive'),
      speedIndexMs: metric(audits, 'speed-index'),
      cls: metric(audits, 'cumulative-layout-shift'),
      longTasks: items.map((t) => ({ url: String(t.url || '').replace(url, '/'), startMs: t.startTime, ms: t.duration })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeLighthouse(r) {
  if (r.error) return `Lighthouse ${r.preset}: could not run: ${r.error.trim()}`;
  const tasks = r.longTasks.length
    ? r.longTasks.map((t) => `${t.ms.toFixed(0)} ms at ${t.startMs.toFixed(0)} (${t.url || '?'})`).join(', ')
    : 'none';
  return `Lighthouse ${r.preset}: performance ${r.score.toFixed(2)}, TBT ${r.tbtMs.toFixed(0)} ms, FCP ` +
         `${r.fcpMs.toFixed(0)} ms, LCP ${r.lcpMs.toFixed(0)} ms, TTI ${r.ttiMs.toFixed(0)} ms, speed index ` +
         `${r.speedIndexMs.toFixed(0)} ms, CLS ${r.cls.toFixed(3)}; long tasks: ${tasks}`;
}

// Both presets against the app served from webRoot, one after the other (never in parallel:
// they would slow each other down).
export async function benchLighthouse(webRoot) {
  const server = await startServer(webRoot, 0);
  try {
    const url = `http://127.0.0.1:${server.address().port}/`;
    // A run Lighthouse gives up on (on a machine this busy: "the page stopped responding") is
    // reported as such; the other figures of the bench still print.
    const attempt = (preset) => lighthouse(url, preset).catch((error) => ({ preset, error: error.message }));
    return { desktop: await attempt('desktop'), mobile: await attempt('mobile') };
  } finally {
    server.close();
  }
}
