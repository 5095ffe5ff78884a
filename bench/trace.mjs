// Main-thread tasks from a Chromium trace (the Chrome DevTools Protocol's Tracing domain), for
// the start (start.mjs) and the work after an import (save.mjs).

// A Chromium trace of the page's main thread: each task's wall time and its thread (CPU) time.
// On a busy machine the wall time of a task grows with the waits for a core; its CPU time
// does not, so the CPU time says what the task itself costs.
export async function startTrace(cdp) {
  const events = [];
  const onData = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents',
                                    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', '__metadata'] } });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`));
    const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
    const tasks = onMain.filter((e) => e.name === 'RunTask');
    // What a long task ran: its longest event inside (a script, a timer, an animation frame).
    const inside = (task) => {
      const end = task.ts + task.dur;
      const longest = onMain.filter((e) => e !== task && e.name !== 'RunTask' && e.pid === task.pid &&
                                           e.tid === task.tid && e.ts >= task.ts && e.ts + e.dur <= end)
        .sort((a, b) => b.dur - a.dur)[0];
      return longest ? longest.name : '?';
    };
    return tasks.map((e) => ({ ms: e.dur / 1000, cpuMs: (e.tdur || 0) / 1000, what: (e.tdur || 0) > 50000 ? inside(e) : '' }));
  };
}
