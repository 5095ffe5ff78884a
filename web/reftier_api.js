// Page glue: sets up the Emscripten Module, wakes the render loop on input, handles file
// drops, and exposes window.reftier, a small API for automation and tests:
//   reftier.ready                 Promise resolved when the app has loaded its stored document
//   reftier.documentJson()        the current document as RefTier JSON text
//   reftier.document()            the same, parsed
//   reftier.importBytes(bytes, mode) the same for raw file bytes (Uint8Array)
//   reftier.importJson(text, mode) validates and imports ('replace' | 'merge') a slice at a time
//                                 (no long task); a Promise of { ok, errors: [{ path, message }],
//                                 conflicts }, resolved once the import is applied and checked:
//                                 the same errors the import dialog lists; on errors nothing
//                                 changes. One import at a time (another one is refused).
//   reftier.state()               { references, accounts, view, save_state, revision, frames_drawn, ...,
//                                 editor_title: { grade, score, codes, suggestion } while the
//                                 editor is open }
//   reftier.tierProgress()        what the tier view says: rule set, source, current tier, the
//                                 next tier's line, each tier's lines (null while checking)
//   reftier.editorDraft()         the reference open in the editor, as its fields stand, or null
//   reftier.rows()                the table's rows as shown: [{ id, customer, title }] (first 1,000)
//   reftier.glyphsMissing(text)   the characters of `text` the font atlas has no glyph for yet
//   reftier.enableLocator(), reftier.itemRect(label)
//                                 where a labelled widget was drawn (CSS pixels), for tests
//   reftier.whenSaved()           Promise resolved once the latest change is in IndexedDB
//   reftier.lastReadBack()        { bytes, ms, total_ms, where: 'worker' | 'page' } of the last
//                                 save's read-back (the bytes read by the document reader first)
//   reftier.build()               { js, wasm }: the build id reftier.js and reftier.wasm were made
//                                 with; equal unless the files of two builds were mixed
//   reftier.lastImport()          { slices, work_ms, longest_ms, wall_ms } of the last sliced
//                                 import (its slices' own time, the longest, start to end)
//   reftier.simulateWriterBug()   tests: the next save's bytes are cut short before the
//                                 read-back, as a writer bug would, so the save must be refused
'use strict';
(function() {
  var canvas = document.getElementById('canvas');
  // The browser's menu, except over an item that has its own (a row, a finding).
  canvas.addEventListener('contextmenu', function(event) {
    if (!Module.calledRun || Module._reftier_context_menu_here()) event.preventDefault();
  });
  var readyResolve;
  var isReady = false;
  var api = {
    ready: new Promise(function(resolve) { readyResolve = resolve; }),
    documentJson: function() {
      Module._reftier_api_write_document();
      // Decoded piece by piece: the whole text never sits in wasm memory as one block.
      var decoder = new TextDecoder();
      var text = '';
      Module.reftierTakeOutput().forEach(function(piece) { text += decoder.decode(piece, { stream: true }); });
      return text + decoder.decode();
    },
    document: function() { return JSON.parse(api.documentJson()); },
    // The text goes to the reader as UTF-8 piece by piece (TextEncoder.encodeInto straight into
    // its buffer), never as one encoded copy.
    importJson: function(text, mode) { return importInput(String(text), mode); },
    // Raw file bytes, as a dropped or picked file is read.
    importBytes: function(bytes, mode) { return importInput(bytes, mode); },
    // Turns on widget locations (for tests), then itemRect('Label') gives its CSS-pixel box.
    enableLocator: function() { Module._reftier_api_enable_locator(); },
    itemRect: function(label) {
      return JSON.parse(Module.ccall('reftier_api_item_rect', 'string', ['string'], [label]));
    },
    state: function() { return JSON.parse(Module.ccall('reftier_api_state', 'string', [], [])); },
    lastReadBack: function() { return Module.reftierReadBack.last; },
    build: function() {
      return { js: Module.reftierBuildId, wasm: Module.ccall('reftier_api_build_id', 'string', [], []) };
    },
    lastImport: function() { return Module.reftierLastImport(); },
    simulateWriterBug: function() { Module.reftierReadBack.writerBug = true; },
    tierProgress: function() {
      return JSON.parse(Module.ccall('reftier_api_tier_progress', 'string', [], []));
    },
    rows: function() { return JSON.parse(Module.ccall('reftier_api_rows', 'string', [], [])); },
    glyphsMissing: function(text) {
      return Module.ccall('reftier_api_glyphs_missing', 'string', ['string'], [String(text)]);
    },
    editorDraft: function() { return JSON.parse(Module.ccall('reftier_api_editor_draft', 'string', [], [])); },
    whenSaved: function() {
      return new Promise(function(resolve, reject) {
        var poll = function() {
          var s = api.state();
          if (s.save_state === 'saved') resolve(s);
          else if (s.save_state === 'failed') reject(new Error(s.save_error));
          else setTimeout(poll, 20);
        };
        poll();
      });
    },
  };
  window.reftier = api;

  // Read and checked a slice at a time between the page's tasks (src/app/import_run.cpp).
  function importInput(input, mode) {
    return Module.reftierImport(input, mode || 'replace').then(function(result) {
      wake();
      return result;
    });
  }

  // The canvas stays hidden (index.html, class "starting") until the app has drawn into it:
  // without a GPU the browser composites in software and reads the WebGL canvas back each time
  // it changes, and the empty canvas of the start would cost one more of those reads (about
  // 100 ms in SwiftShader) before the first frame. Shown in the task that drew the first frame,
  // so that frame is the first picture.
  function showCanvas() {
    if (canvas.classList.contains('starting') && api.state().frames_drawn > 0) {
      canvas.classList.remove('starting');
      document.getElementById('loading').hidden = true;
    }
  }

  // Ready once the stored document is read (or could not be).
  function checkReady() {
    if (!isReady && api.state().save_state !== 'loading') {
      isReady = true;
      readyResolve();
    }
    return isReady;
  }

  function wake() { if (Module.calledRun && Module._reftier_wake) Module._reftier_wake(); }

  // The app's database: one object store, "documents" (see src/platform/browser_library.js).
  function openStorage() {
    return new Promise(function(resolve, reject) {
      var request;
      try {
        request = indexedDB.open('reftier', 1);
      } catch (e) {
        reject(e);
        return;
      }
      request.onupgradeneeded = function() { request.result.createObjectStore('documents'); };
      request.onsuccess = function() { resolve(request.result); };
      request.onerror = function() { reject(request.error); };
      request.onblocked = function() { reject(new Error('the database is blocked by another tab')); };
    });
  }

  // Opening IndexedDB takes 0.5 s or more on a new profile: it starts now, while reftier.wasm
  // downloads and compiles, and RefTierIdb.open takes over the pending open. A failure is
  // reported by the app when it takes it over, not here.
  var storage = openStorage();
  storage.catch(function() {});
  // A stored value as the document reader takes it: a Blob (as saves store it) read into bytes, a
  // Uint8Array or a string (saved by an earlier version) as they are; null when it is none of the
  // kinds the app stores. The one rule for every read of the store: the early read below, and
  // src/platform/browser_library.js (Module.reftierStoredInput), which loads after this script.
  function storedInput(value) {
    if (typeof value === 'string' || value instanceof Uint8Array) return Promise.resolve(value);
    if (value instanceof Blob) return value.arrayBuffer().then(function(buffer) { return new Uint8Array(buffer); });
    return Promise.resolve(null);
  }

  // The stored document is read now too, so it is usually here before main() runs and the first
  // frame already shows it (no frame of an empty document first). reftier_js_load_document takes
  // over the answer, or the pending read; a failure is reported there.
  // `value` is what IndexedDB holds; `input` the same as the reader takes it (storedInput).
  var storedRead = { done: false, value: undefined, input: null, error: null };
  storedRead.promise = storage.then(function(db) {
    return new Promise(function(resolve, reject) {
      var get = db.transaction('documents', 'readonly').objectStore('documents').get('current');
      get.onsuccess = function() { resolve(get.result); };
      get.onerror = function() { reject(get.error); };
    });
  }).then(function(value) {
    storedRead.value = value;
    return storedInput(value).then(function(input) { storedRead.input = input; });
  }).catch(function(error) { storedRead.error = error; })
    .then(function() { storedRead.done = true; });

  window.Module = {
    canvas: canvas,
    reftierStorage: storage,
    reftierStoredRead: storedRead,
    reftierOpenStorage: openStorage,
    reftierStoredInput: storedInput,
    print: function(text) { console.log(text); },
    printErr: function(text) { console.warn(text); },
    onRuntimeInitialized: function() {
      var poll = function() {
        if (!checkReady()) setTimeout(poll, 10);
      };
      poll();
    },
    // Also checked after each turn of the render loop: a timer waits behind frames, so alone it
    // resolves `ready` a frame late (in software GL a few hundred ms). The timer still counts in
    // a hidden tab, where the render loop stops.
    postMainLoop: function() {
      checkReady();
      showCanvas();
    },
    onAbort: function(what) {
      var box = document.getElementById('loading');
      box.hidden = false;
      box.textContent = 'RefTier stopped: ' + what + '. Your saved data is unchanged; reload the page.';
    },
  };

  ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'keypress', 'touchstart',
   'touchmove', 'touchend', 'focus', 'blur', 'resize', 'visibilitychange'].forEach(function(type) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  });
  // The app sizes the canvas at the start of each frame it draws (src/app/main.cpp fit_canvas);
  // these make sure a frame follows every change of its CSS size, of full screen and of the
  // pixel ratio (a window moved to a projector fires no resize event).
  if (window.ResizeObserver) new ResizeObserver(wake).observe(canvas);
  document.addEventListener('fullscreenchange', wake);
  var pixelRatio = window.devicePixelRatio;
  function pixelRatioChanged() {
    if (window.devicePixelRatio === pixelRatio) return;
    pixelRatio = window.devicePixelRatio;
    wake();
  }
  (function watchPixelRatio() {
    matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)')
      .addEventListener('change', function() { pixelRatioChanged(); watchPixelRatio(); }, { once: true });
  })();
  // Not every change of the ratio fires that event (an emulated screen, some window moves):
  // a look twice a second costs nothing and catches the rest.
  setInterval(pixelRatioChanged, 500);

  // Keys the browser would otherwise take (find, save, open) go to the app.
  window.addEventListener('keydown', function(event) {
    if ((event.ctrlKey || event.metaKey) && ['o', 's', 'f', 'e', 'n'].indexOf(event.key.toLowerCase()) >= 0)
      event.preventDefault();
  }, true);

  function importFile(file) {
    if (!file) return;
    file.arrayBuffer().then(function(buffer) {
      Module.reftierOffer(new Uint8Array(buffer), function() {
        Module.ccall('reftier_on_file_opened', null, ['string'], [file.name]);
      });
    });
  }
  var input = document.getElementById('reftier-file-input');
  input.addEventListener('change', function() { importFile(input.files && input.files[0]); });

  // Offline and updates: the service worker (web/sw.js) keeps this build's files and serves them
  // first. Registered once the app is ready, so its copy of the files does not compete with the
  // start. A newer build installs in the background and waits; the banner offers it, and only
  // the user's press activates it and reloads the page, never the page on its own (the user may
  // be typing). https://developer.chrome.com/docs/workbox/handling-service-worker-updates
  if ('serviceWorker' in navigator) api.ready.then(offerUpdates);

  function offerUpdates() {
    var banner = document.getElementById('update-banner');
    var text = document.getElementById('update-text');
    var button = document.getElementById('update-reload');
    var reloading = false;
    var show = function(message) {
      text.textContent = message;
      banner.hidden = false;
      document.body.classList.add('update-ready'); // the canvas makes room: it covers nothing
    };
    // Alt+R presses it from anywhere: the canvas keeps Tab for its own fields.
    window.addEventListener('keydown', function(event) {
      if (banner.hidden || !event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyR') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      button.click();
    }, true);
    navigator.serviceWorker.addEventListener('controllerchange', function() {
      if (reloading) location.reload();
      else show('RefTier was updated in another tab.');
    });
    navigator.serviceWorker.register('sw.js').then(function(registration) {
      // Only an update is offered: a first install has no running build to replace.
      var offer = function() {
        if (registration.waiting && navigator.serviceWorker.controller) show('A new version of RefTier is ready.');
      };
      var follow = function(worker) { if (worker) worker.addEventListener('statechange', offer); };
      offer();
      follow(registration.installing);
      registration.addEventListener('updatefound', function() { follow(registration.installing); });
      // The browser looks for a new build at each page load; a page left open looks again when
      // it is shown, when the network is back, and every hour.
      var check = function() { registration.update().catch(function() {}); };
      document.addEventListener('visibilitychange', function() { if (!document.hidden) check(); });
      window.addEventListener('online', check);
      setInterval(check, 3600 * 1000);
      button.addEventListener('click', function() {
        var state = api.state();
        if (state.editor_changed || state.account_editor_changed) {
          show('Save or discard the open edit first, then reload for the new version.');
          return;
        }
        button.disabled = true;
        api.whenSaved().then(function() {
          reloading = true;
          if (registration.waiting) registration.waiting.postMessage({ type: 'SKIP_WAITING' });
          else location.reload(); // another tab already activated it
        }, function(error) {
          button.disabled = false;
          show('The last change is not saved (' + error.message + '): export it before you reload.');
        });
      });
    }).catch(function(error) {
      console.warn('RefTier works online only: ' + error);
    });
  }

  var hint = document.getElementById('drop-hint');
  window.addEventListener('dragover', function(event) {
    event.preventDefault();
    hint.hidden = false;
  });
  window.addEventListener('dragleave', function() { hint.hidden = true; });
  window.addEventListener('drop', function(event) {
    event.preventDefault();
    hint.hidden = true;
    importFile(event.dataTransfer && event.dataTransfer.files[0]);
  });
})();
