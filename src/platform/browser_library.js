// The JavaScript half of src/platform/browser.cpp, linked with --js-library.
// Storage is IndexedDB directly: one database "reftier", one object store "documents", keys
// "current" (the document), "previous" (the one before the last save) and "corrupt-<time>"
// (unreadable text kept aside). A save is one readwrite transaction, so IndexedDB's atomicity
// guarantees the stored document is the old or the new one even if the tab dies mid-save.
mergeInto(LibraryManager.library, {
  $RefTierIdb: {
    db: null,
    channel: null,
    // Set at run time: a library object's values are evaluated once, when Emscripten builds.
    tabId: null,
    open: function() {
      if (RefTierIdb.db) return Promise.resolve(RefTierIdb.db);
      return new Promise(function(resolve, reject) {
        var request;
        try {
          request = indexedDB.open('reftier', 1);
        } catch (e) {
          reject(e);
          return;
        }
        request.onupgradeneeded = function() { request.result.createObjectStore('documents'); };
        request.onsuccess = function() {
          RefTierIdb.db = request.result;
          resolve(RefTierIdb.db);
        };
        request.onerror = function() { reject(request.error); };
        request.onblocked = function() { reject(new Error('the database is blocked by another tab')); };
      });
    },
    describe: function(error) {
      if (!error) return 'unknown error';
      if (error.name === 'QuotaExceededError')
        return 'The browser\'s storage for this site is full, so the latest changes are not saved. ' +
               'They are still open here: export them to a file now.';
      return (error.name ? error.name + ': ' : '') + (error.message || String(error));
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

  reftier_js_load_document__deps: ['$RefTierIdb'],
  reftier_js_load_document: function() {
    RefTierIdb.announce();
    RefTierIdb.open().then(function(db) {
      var tx = db.transaction('documents', 'readonly');
      var get = tx.objectStore('documents').get('current');
      get.onsuccess = function() {
        var text = typeof get.result === 'string' ? get.result : null;
        RefTierIdb.callWithStrings(_reftier_on_stored_document, [text, null]);
      };
      get.onerror = function() {
        RefTierIdb.callWithStrings(_reftier_on_stored_document, [null, RefTierIdb.describe(get.error)]);
      };
    }).catch(function(error) {
      RefTierIdb.callWithStrings(_reftier_on_stored_document, [null, RefTierIdb.describe(error)]);
    });
  },

  reftier_js_save_document__deps: ['$RefTierIdb'],
  reftier_js_save_document: function(pointer, length) {
    var text = UTF8ToString(pointer, length);
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
          if (typeof get.result === 'string' && get.result !== text) store.put(get.result, 'previous');
          store.put(text, 'current');
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

  reftier_js_set_aside__deps: ['$RefTierIdb'],
  reftier_js_set_aside: function(pointer, length) {
    var text = UTF8ToString(pointer, length);
    RefTierIdb.open().then(function(db) {
      var tx = db.transaction('documents', 'readwrite');
      tx.objectStore('documents').put(text, 'corrupt-' + new Date().toISOString());
    });
  },

  reftier_js_download: function(namePointer, textPointer, length, mimePointer) {
    // The bytes as they are: decoding them would drop a leading BOM (CSV for Excel needs it).
    var blob = new Blob([HEAPU8.slice(textPointer, textPointer + length)], { type: UTF8ToString(mimePointer) });
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
