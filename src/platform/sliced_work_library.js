// The page's sliced work and the bytes the document reader reads, the JavaScript half of
// platform::run_in_slices, run_import_slices and read_input (src/platform/browser.h), linked
// with --js-library beside browser_library.js (storage). The input is here because a sliced
// import keeps it offered across its tasks: RefTierInput, RefTierSlices and RefTierImport work
// together, and the storage side only offers input (a stored or kept-aside document) to read.
mergeInto(LibraryManager.library, {
  // The page's sliced work, so no task of the page's is long: the sliced import
  // (src/app/import_run.cpp) and the autosave's write (platform::run_in_slices). One loop serves
  // both: each task runs one slice of one job, the jobs taking turns, so the browser handles input
  // and draws frames in between, and an autosave that starts while an import runs (or an import
  // while an autosave is written) slows the other down but never stops it. Tasks are posted with
  // scheduler.postTask where the browser has it (Chromium 94+), else as a MessageChannel message;
  // neither waits for a frame nor is clamped to 4 ms like nested setTimeout calls.
  // https://developer.mozilla.org/en-US/docs/Web/API/Scheduler/postTask
  $RefTierSlices: {
    jobs: [], // functions that run one slice each, true while there is more
    turn: 0, // the index of the job whose slice runs next
    posted: false, // a task is posted and will run the next slice
    channel: null,
    // `slice` runs from the next task on, in turn with the other jobs, until it returns false.
    start: function(slice) {
      RefTierSlices.jobs.push(slice);
      RefTierSlices.post();
    },
    has: function(slice) { return RefTierSlices.jobs.indexOf(slice) >= 0; },
    post: function() {
      if (RefTierSlices.posted || RefTierSlices.jobs.length === 0) return;
      RefTierSlices.posted = true;
      if (typeof scheduler !== 'undefined' && scheduler.postTask) {
        scheduler.postTask(RefTierSlices.task, { priority: 'user-visible' });
        return;
      }
      if (!RefTierSlices.channel) {
        RefTierSlices.channel = new MessageChannel();
        RefTierSlices.channel.port1.onmessage = RefTierSlices.task;
      }
      RefTierSlices.channel.port2.postMessage(0);
    },
    runInSlicesJob: function() { return _reftier_run_slice() !== 0; },
    task: function() {
      RefTierSlices.posted = false;
      var jobs = RefTierSlices.jobs;
      var slice = jobs[RefTierSlices.turn % jobs.length];
      var more = slice();
      // The slice may have started other jobs; found again by identity.
      var at = jobs.indexOf(slice);
      if (more) {
        RefTierSlices.turn = at + 1;
      } else {
        jobs.splice(at, 1);
        RefTierSlices.turn = at;
      }
      RefTierSlices.post();
    },
  },

  // platform::run_in_slices (the autosave's write): a job that calls the C++ side's slicer of the
  // moment. A second run_in_slices replaces that slicer, so the job is started once while it runs.
  reftier_js_run_in_slices__deps: ['$RefTierSlices'],
  reftier_js_run_in_slices: function() {
    if (!RefTierSlices.has(RefTierSlices.runInSlicesJob)) RefTierSlices.start(RefTierSlices.runInSlicesJob);
  },

  // Bytes the C++ side reads with platform::read_input() while a call runs, piece by piece
  // straight into its buffer, so a large file or text is never copied whole into wasm memory.
  $RefTierInput: {
    fill: null,
    read: 0, // the share of the offered input handed out so far
    bytes: 0, // its length in UTF-8: exact for bytes, judged from its start for a string
    keep: false, // a sliced import started during the call: its input stays offered
    // Offers `input` (a Uint8Array, or a string given as UTF-8) for the duration of call(), or,
    // when call() starts a sliced import (RefTierImport), until that import ends.
    offer: function(input, call) {
      var at = 0;
      var encoder = typeof input === 'string' ? new TextEncoder() : null;
      var outer = { fill: RefTierInput.fill, read: RefTierInput.read, bytes: RefTierInput.bytes,
                    keep: RefTierInput.keep };
      RefTierInput.read = 0;
      RefTierInput.bytes = input.length;
      if (encoder) {
        // The reader sizes its lists by this (a hint): the UTF-8 bytes of the first 64 K units
        // say how many bytes a unit takes, without encoding the whole string twice.
        var sample = input.substring(0, 65536);
        RefTierInput.bytes = Math.ceil(input.length * encoder.encode(sample).length / Math.max(1, sample.length));
      }
      RefTierInput.keep = false;
      RefTierInput.fill = function(pointer, capacity) {
        var buffer = HEAPU8.subarray(pointer, pointer + capacity);
        if (!encoder) {
          var piece = input.subarray(at, at + capacity);
          buffer.set(piece);
          at += piece.length;
          RefTierInput.read = input.length ? at / input.length : 1;
          return piece.length;
        }
        // A UTF-16 unit takes at most three bytes; a surrogate pair is not split.
        var end = Math.min(input.length, at + Math.floor(capacity / 3));
        if (end < input.length && end > at + 1 && (input.charCodeAt(end - 1) & 0xFC00) === 0xD800) --end;
        var result = encoder.encodeInto(input.substring(at, end), buffer);
        at += result.read;
        RefTierInput.read = input.length ? at / input.length : 1;
        return result.written;
      };
      var own = RefTierInput.fill;
      try {
        return call();
      } finally {
        if (RefTierInput.keep) {
          RefTierImport.release = function() {
            if (RefTierInput.fill === own) RefTierInput.fill = null;
          };
        } else {
          RefTierInput.fill = outer.fill;
          RefTierInput.read = outer.read;
          RefTierInput.bytes = outer.bytes;
        }
        RefTierInput.keep = outer.keep;
      }
    },
  },
  $RefTierInput__postset: 'Module["reftierOffer"] = RefTierInput.offer;',

  reftier_js_read_input__deps: ['$RefTierInput'],
  reftier_js_read_input: function(pointer, capacity) {
    return RefTierInput.fill ? RefTierInput.fill(pointer, capacity) : 0;
  },
  reftier_js_input_read_fraction__deps: ['$RefTierInput'],
  reftier_js_input_read_fraction: function() { return RefTierInput.read; },
  reftier_js_input_bytes__deps: ['$RefTierInput'],
  reftier_js_input_bytes: function() { return RefTierInput.bytes; },

  // Called by the app as a sliced import starts: its slices, of about kSliceMs each, are a job
  // of RefTierSlices; the first runs in a task of its own, not inside the wasm call that started
  // the run.
  reftier_js_run_import_slices__deps: ['$RefTierSlices', '$RefTierInput', '$RefTierImport'],
  reftier_js_run_import_slices: function() {
    RefTierInput.keep = true;
    if (RefTierSlices.has(RefTierImport.slice)) return;
    RefTierImport.last = { slices: 0, work_ms: 0, longest_ms: 0, wall_ms: 0, started: performance.now() };
    RefTierSlices.start(RefTierImport.slice);
  },
  // window.reftier.importBytes / importJson: a promise of { ok, errors, conflicts } once the
  // import and the work it starts are done.
  $RefTierImport__deps: ['$RefTierInput'],
  $RefTierImport: {
    kSliceMs: 8,
    release: null, // lets go of the import's input once the run ends
    done: [], // called once the run ends (window.reftier's promises)
    // { slices, work_ms, longest_ms, wall_ms } of the last run, for the benchmark and tests.
    last: null,
    // One slice of the running import; false once it has ended.
    slice: function() {
      var stats = RefTierImport.last;
      var start = performance.now();
      var more = _reftier_import_step(RefTierImport.kSliceMs);
      var took = performance.now() - start;
      stats.slices += 1;
      stats.work_ms += took;
      stats.longest_ms = Math.max(stats.longest_ms, took);
      stats.wall_ms = performance.now() - stats.started;
      if (more) return true;
      if (RefTierImport.release) RefTierImport.release();
      RefTierImport.release = null;
      var done = RefTierImport.done;
      RefTierImport.done = [];
      done.forEach(function(call) { call(); });
      return false;
    },
    run: function(input, mode) {
      return new Promise(function(resolve) {
        var result = function() { return JSON.parse(UTF8ToString(_reftier_import_result())); };
        var started = RefTierInput.offer(input, function() {
          var modePointer = allocateUTF8(mode);
          try {
            return _reftier_import_begin(modePointer);
          } finally {
            _free(modePointer);
          }
        });
        if (started) RefTierImport.done.push(function() { resolve(result()); });
        else resolve(result());
      });
    },
  },
  $RefTierImport__postset: 'Module["reftierImport"] = RefTierImport.run; ' +
                           'Module["reftierLastImport"] = function() { return RefTierImport.last; };',
});
