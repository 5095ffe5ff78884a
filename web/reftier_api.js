// Page glue: sets up the Emscripten Module, wakes the render loop on input, handles file
// drops and paste, and exposes window.reftier, a small API for automation and tests:
//   reftier.ready                 Promise resolved when the app has loaded its stored document
//   reftier.documentJson()        the current document as RefTier JSON text
//   reftier.document()            the same, parsed
//   reftier.importBytes(bytes, mode) the same for raw file bytes (Uint8Array)
//   reftier.importJson(text, mode) validates and imports ('replace' | 'merge'); returns
//                                 { ok, errors: [{ path, message }], conflicts }, the same errors
//                                 the import dialog lists; on errors nothing changes
//   reftier.state()               { references, accounts, save_state, revision, frames_drawn, ... }
//   reftier.enableLocator(), reftier.itemRect(label)
//                                 where a labelled widget was drawn (CSS pixels), for tests
//   reftier.whenSaved()           Promise resolved once the latest change is in IndexedDB
'use strict';
(function() {
  var canvas = document.getElementById('canvas');
  canvas.addEventListener('contextmenu', function(event) { event.preventDefault(); });
  var readyResolve;
  var api = {
    ready: new Promise(function(resolve) { readyResolve = resolve; }),
    documentJson: function() { return Module.ccall('reftier_api_document_json', 'string', [], []); },
    document: function() { return JSON.parse(api.documentJson()); },
    importJson: function(text, mode) { return api.importBytes(new TextEncoder().encode(String(text)), mode); },
    // Raw file bytes, as a dropped or picked file is read.
    importBytes: function(bytes, mode) {
      var result = JSON.parse(withBytes(bytes, function(pointer, length) {
        return Module.ccall('reftier_api_import', 'string', ['number', 'number', 'string'],
                            [pointer, length, mode || 'replace']);
      }));
      wake();
      return result;
    },
    // Turns on widget locations (for tests), then itemRect('Label') gives its CSS-pixel box.
    enableLocator: function() { Module._reftier_api_enable_locator(); },
    itemRect: function(label) {
      return JSON.parse(Module.ccall('reftier_api_item_rect', 'string', ['string'], [label]));
    },
    state: function() { return JSON.parse(Module.ccall('reftier_api_state', 'string', [], [])); },
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

  // Copies bytes into wasm memory for the duration of one call.
  function withBytes(bytes, call) {
    var pointer = Module._malloc(Math.max(bytes.length, 1));
    try {
      Module.HEAPU8.set(bytes, pointer);
      return call(pointer, bytes.length);
    } finally {
      Module._free(pointer);
    }
  }

  function wake() { if (Module.calledRun && Module._reftier_wake) Module._reftier_wake(); }

  window.Module = {
    canvas: canvas,
    print: function(text) { console.log(text); },
    printErr: function(text) { console.warn(text); },
    onRuntimeInitialized: function() {
      document.getElementById('loading').hidden = true;
      var poll = function() {
        if (api.state().save_state !== 'loading') readyResolve();
        else setTimeout(poll, 10);
      };
      poll();
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

  // Ctrl+V: the browser only hands over clipboard text in a paste event.
  document.addEventListener('paste', function(event) {
    var text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    if (Module.calledRun) Module.ccall('reftier_on_paste', null, ['string'], [text]);
  });

  // Keys the browser would otherwise take (find, save, open) go to the app.
  window.addEventListener('keydown', function(event) {
    if ((event.ctrlKey || event.metaKey) && ['o', 's', 'f', 'e', 'n'].indexOf(event.key.toLowerCase()) >= 0)
      event.preventDefault();
  }, true);

  function importFile(file) {
    if (!file) return;
    file.arrayBuffer().then(function(buffer) {
      withBytes(new Uint8Array(buffer), function(pointer, length) {
        Module.ccall('reftier_on_file_opened', null, ['string', 'number', 'number'], [file.name, pointer, length]);
      });
    });
  }
  var input = document.getElementById('reftier-file-input');
  input.addEventListener('change', function() { importFile(input.files && input.files[0]); });

  // Offline: a service worker caches the app's files after the first visit.
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function() {
      navigator.serviceWorker.register('sw.js').catch(function(error) {
        console.warn('RefTier works online only: ' + error);
      });
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
