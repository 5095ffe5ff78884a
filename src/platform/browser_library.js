// The JavaScript half of src/platform/browser.cpp, linked with --js-library.
// Storage is IndexedDB directly: one database "reftier", one object store "documents", keys
// "current" (the document's UTF-8 bytes, a string if saved by an earlier version), "previous"
// (the one before the last save) and "corrupt-<time>" (an unreadable document kept aside). A
// save is one readwrite transaction, so IndexedDB's atomicity guarantees the stored document
// is the old or the new one even if the tab dies mid-save.
mergeInto(LibraryManager.library, {
  $RefTierIdb: {
    db: null,
    channel: null,
    offered: null, // the stored document while the C++ side reads it
    // Set at run time: a library object's values are evaluated once, when Emscripten builds.
    tabId: null,
    // The first open is the one the page started as it loaded, in parallel with the wasm download
    // (Module.reftierStorage, web/reftier_api.js), taken over here with its error if it failed.
    // After a failure the next call opens again.
    open: function() {
      if (RefTierIdb.db) return Promise.resolve(RefTierIdb.db);
      var pending = Module.reftierStorage || Module.reftierOpenStorage();
      Module.reftierStorage = null;
      return pending.then(function(db) {
        RefTierIdb.db = db;
        return db;
      });
    },
    describe: function(error) {
      if (!error) return 'unknown error';
      if (error.name === 'QuotaExceededError')
        return 'The browser\'s storage for this site is full, so the latest changes are not saved. ' +
               'They are still open here: export them to a file now.';
      return (error.name ? error.name + ': ' : '') + (error.message || String(error));
    },
    // A stored document as bytes, to compare with the next save. Earlier versions stored a
    // string; null when nothing (or anything else) is stored.
    storedBytes: function(stored) {
      if (typeof stored === 'string') return new TextEncoder().encode(stored);
      return stored instanceof Uint8Array ? stored : null;
    },
    sameBytes: function(a, b) {
      if (a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    },
    callWithStrings: function(fn, strings) {
      var pointers = strings.map(function(s) { return s == null ? 0 : allocateUTF8(s); });
      try {
        fn.apply(null, pointers);
      } finally {
        pointers.forEach(function(p) { if (p) _free(p); });
      }
    },
    announce: function() {
      if (typeof BroadcastChannel === 'undefined') return;
      if (!RefTierIdb.channel) {
        RefTierIdb.tabId = Math.random().toString(36).slice(2) + Date.now().toString(36);
        RefTierIdb.channel = new BroadcastChannel('reftier');
        RefTierIdb.channel.onmessage = function(event) {
          if (event.data && event.data.saved && event.data.tab !== RefTierIdb.tabId) _reftier_on_other_tab_saved();
        };
      }
    },
  },

  // Pieces of a large output (platform::append_output), copied out of wasm memory until the
  // call that hands them on. reftier_api.js takes them too, for documentJson().
  $RefTierOutput: {
    pieces: [],
    take: function() {
      var pieces = RefTierOutput.pieces;
      RefTierOutput.pieces = [];
      return pieces;
    },
    joined: function(pieces) {
      var total = 0;
      pieces.forEach(function(piece) { total += piece.length; });
      var bytes = new Uint8Array(total);
      var at = 0;
      pieces.forEach(function(piece) {
        bytes.set(piece, at);
        at += piece.length;
      });
      return bytes;
    },
  },
  $RefTierOutput__postset: 'Module["reftierTakeOutput"] = RefTierOutput.take;',

  reftier_js_append_output__deps: ['$RefTierOutput'],
  reftier_js_append_output: function(pointer, length) {
    RefTierOutput.pieces.push(HEAPU8.slice(pointer, pointer + length));
  },

  // Bytes the C++ side reads with platform::read_input() while a call runs, piece by piece
  // straight into its buffer, so a large file or text is never copied whole into wasm memory.
  $RefTierInput: {
    fill: null,
    // Offers `input` (a Uint8Array, or a string given as UTF-8) for the duration of call().
    offer: function(input, call) {
      var at = 0;
      var encoder = typeof input === 'string' ? new TextEncoder() : null;
      RefTierInput.fill = function(pointer, capacity) {
        var buffer = HEAPU8.subarray(pointer, pointer + capacity);
        if (!encoder) {
          var piece = input.subarray(at, at + capacity);
          buffer.set(piece);
          at += piece.length;
          return piece.length;
        }
        // A UTF-16 unit takes at most three bytes; a surrogate pair is not split.
        var end = Math.min(input.length, at + Math.floor(capacity / 3));
        if (end < input.length && end > at + 1 && (input.charCodeAt(end - 1) & 0xFC00) === 0xD800) --end;
        var result = encoder.encodeInto(input.substring(at, end), buffer);
        at += result.read;
        return result.written;
      };
      try {
        return call();
      } finally {
        RefTierInput.fill = null;
      }
    },
  },
  $RefTierInput__postset: 'Module["reftierOffer"] = RefTierInput.offer;',

  reftier_js_read_input__deps: ['$RefTierInput'],
  reftier_js_read_input: function(pointer, capacity) {
    return RefTierInput.fill ? RefTierInput.fill(pointer, capacity) : 0;
  },

  reftier_js_load_document__deps: ['$RefTierIdb', '$RefTierInput'],
  reftier_js_load_document: function() {
    // `stored` as IndexedDB gives it (bytes, a string saved by an earlier version, or nothing),
    // `error` a message or null.
    var deliver = function(stored, error) {
      var found = typeof stored === 'string' || stored instanceof Uint8Array;
      RefTierIdb.offered = stored;
      try {
        RefTierInput.offer(found ? stored : new Uint8Array(0), function() {
          RefTierIdb.callWithStrings(function(errorPointer) {
            _reftier_on_stored_document(found ? 1 : 0, errorPointer);
          }, [error]);
        });
      } finally {
        RefTierIdb.offered = null;
      }
    };
    RefTierIdb.announce();
    RefTierIdb.open().then(function(db) {
      var tx = db.transaction('documents', 'readonly');
      var get = tx.objectStore('documents').get('current');
      get.onsuccess = function() { deliver(get.result, null); };
      get.onerror = function() { deliver(null, RefTierIdb.describe(get.error)); };
    }).catch(function(error) {
      deliver(null, RefTierIdb.describe(error));
    });
  },

  reftier_js_save_output__deps: ['$RefTierIdb', '$RefTierOutput'],
  reftier_js_save_output: function() {
    // Bytes, not a decoded string: no 50 MB UTF-8 decode on every save.
    var bytes = RefTierOutput.joined(RefTierOutput.take());
    var fail = function(error) {
      RefTierIdb.callWithStrings(_reftier_on_saved, [RefTierIdb.describe(error)]);
    };
    RefTierIdb.open().then(function(db) {
      var tx = db.transaction('documents', 'readwrite');
      var store = tx.objectStore('documents');
      var failure = null; // a put can throw (QuotaExceededError) instead of failing the request
      var get = store.get('current');
      get.onsuccess = function() {
        try {
          var old = RefTierIdb.storedBytes(get.result);
          if (old && !RefTierIdb.sameBytes(old, bytes)) store.put(get.result, 'previous');
          store.put(bytes, 'current');
        } catch (error) {
          failure = error;
          tx.abort();
        }
      };
      tx.oncomplete = function() {
        if (RefTierIdb.channel) RefTierIdb.channel.postMessage({ saved: true, tab: RefTierIdb.tabId });
        _reftier_on_saved(0);
      };
      tx.onabort = function() { fail(failure || tx.error); };
    }).catch(fail);
  },

  // Kept as it was stored, string or bytes.
  reftier_js_set_aside_stored__deps: ['$RefTierIdb'],
  reftier_js_set_aside_stored: function() {
    var stored = RefTierIdb.offered;
    RefTierIdb.open().then(function(db) {
      var tx = db.transaction('documents', 'readwrite');
      tx.objectStore('documents').put(stored, 'corrupt-' + new Date().toISOString());
    });
  },

  reftier_js_download_output__deps: ['$RefTierOutput'],
  reftier_js_download_output: function(namePointer, mimePointer) {
    // The bytes as they are: decoding them would drop a leading BOM (CSV for Excel needs it).
    var blob = new Blob(RefTierOutput.take(), { type: UTF8ToString(mimePointer) });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = UTF8ToString(namePointer);
    link.rel = 'noopener';
    document.body.appendChild(link);
    link.click();
    setTimeout(function() {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  },

  // The input's change handler lives in web/reftier_api.js, shared with drag and drop.
  reftier_js_open_file_picker: function() {
    var input = document.getElementById('reftier-file-input');
    input.value = '';
    input.click();
  },

  reftier_js_set_clipboard: function(pointer) {
    var text = UTF8ToString(pointer);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function() {});
  },

  reftier_js_open_url: function(pointer) {
    var url = UTF8ToString(pointer);
    if (!/^https?:\/\//i.test(url)) return; // second guard: the core already checked
    window.open(url, '_blank', 'noopener,noreferrer');
  },

  reftier_js_reload: function() { location.reload(); },

  reftier_js_today: function() {
    var d = new Date();
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
  },

  reftier_js_get_preference__deps: [],
  reftier_js_get_preference: function(keyPointer) {
    var value = null;
    try { value = localStorage.getItem('reftier.' + UTF8ToString(keyPointer)); } catch (e) {}
    if (value == null) return 0;
    // One small buffer reused per call: preferences are read once at start.
    if (Module.reftierPreferenceBuffer) _free(Module.reftierPreferenceBuffer);
    Module.reftierPreferenceBuffer = allocateUTF8(value);
    return Module.reftierPreferenceBuffer;
  },

  reftier_js_set_preference: function(keyPointer, valuePointer) {
    try { localStorage.setItem('reftier.' + UTF8ToString(keyPointer), UTF8ToString(valuePointer)); } catch (e) {}
  },
});
