// The JavaScript half of src/platform/browser.cpp, linked with --js-library.
// Storage is IndexedDB directly: one database "reftier", one object store "documents", keys
// "current" (the document's UTF-8 bytes as a Blob; a Uint8Array or a string if saved by an
// earlier version), "previous" (the one before the last save), and the kept-aside copies
// "corrupt-<time>" (a stored document that could not be read) and "before-import-<time>" (the
// document an import, sample data or a restore replaced). Kept-aside copies go only when the
// user removes them. A save is one readwrite transaction, so IndexedDB's atomicity guarantees
// the stored document is the old or the new one even if the tab dies mid-save; before it, the
// bytes are read back by the document reader in a worker (RefTierReadBack), and bytes that
// would not open again are not stored at all. The bytes of a save are a Blob built piece by
// piece while the document is written (RefTierSave), so neither the write nor the put copies
// 40 MB on the page's main thread in one go: putting a Blob stores a handle, and the browser
// writes its bytes to disk off the page.
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
    closedBy: null, // why storage is closed for good in this tab (an upgrade in another tab)
    open: function() {
      if (RefTierIdb.closedBy) return Promise.reject(new Error(RefTierIdb.closedBy));
      if (RefTierIdb.db) return Promise.resolve(RefTierIdb.db);
      var pending = Module.reftierStorage || Module.reftierOpenStorage();
      Module.reftierStorage = null;
      return pending.then(function(db) {
        // Another tab opens a newer version of the database, or deletes it (clearing site
        // data): let it, and stop saving here, since this tab's code may not know the new form.
        db.onversionchange = function() {
          db.close();
          RefTierIdb.db = null;
          RefTierIdb.closedBy = 'Another tab opened a newer RefTier, or this site\'s data was cleared, ' +
                                'so this tab stopped saving. Your work is still open here: export it, then reload.';
          RefTierIdb.callWithStrings(_reftier_on_storage_closed, [RefTierIdb.closedBy]);
        };
        // The browser closed the connection (storage pressure, a crash of its database
        // process): the next use opens it again.
        db.onclose = function() { RefTierIdb.db = null; };
        RefTierIdb.db = db;
        return db;
      });
    },
    // Runs work(db) with an open connection; a connection that turns out to be closed (its
    // transaction() throws InvalidStateError) is opened again once.
    // The throw may come synchronously or as a rejection (a transaction opened inside a Promise
    // executor); either way the whole work runs again, which is safe: each one is a transaction.
    withDb: function(work) {
      var attempt = function(db) { return Promise.resolve().then(function() { return work(db); }); };
      return RefTierIdb.open().then(attempt).catch(function(error) {
        if (!error || error.name !== 'InvalidStateError' || RefTierIdb.closedBy) throw error;
        RefTierIdb.db = null;
        return RefTierIdb.open().then(attempt);
      });
    },
    // Keeps a copy aside under "<kind>-<time>" until the user removes it. value(store) gives
    // what to keep, or a request for it (the stored document, read in the same transaction, so
    // no save can come in between). kept(key), when given, is called once the copy is in
    // storage, or with null when it could not be kept.
    keepAside: function(kind, value, kept) {
      var key = kind + '-' + new Date().toISOString();
      RefTierIdb.withDb(function(db) {
        return new Promise(function(resolve, reject) {
          var tx = db.transaction('documents', 'readwrite');
          var store = tx.objectStore('documents');
          var failure = null; // a put can throw (QuotaExceededError) instead of failing the request
          var keep = function(kept) {
            try {
              if (kept === undefined) throw new Error('no stored document was found to keep');
              store.put(kept, key);
            } catch (error) {
              failure = error;
              tx.abort();
            }
          };
          var given = value(store);
          if (given instanceof IDBRequest) given.onsuccess = function() { keep(given.result); };
          else keep(given);
          tx.oncomplete = resolve;
          tx.onabort = function() { reject(failure || tx.error); };
        });
      }).then(function() {
        if (kept) kept(key);
      }, function(error) {
        if (kept) kept(null);
        RefTierIdb.callWithStrings(_reftier_on_kept_aside_listed,
          [JSON.stringify({ copies: [], error: 'The replaced document could not be kept aside: ' + RefTierIdb.describe(error) })]);
      });
    },
    // The request's result as a promise.
    request: function(request) {
      return new Promise(function(resolve, reject) {
        request.onsuccess = function() { resolve(request.result); };
        request.onerror = function() { reject(request.error); };
      });
    },
    describe: function(error) {
      if (!error) return 'unknown error';
      if (error.name === 'QuotaExceededError')
        return 'The browser\'s storage for this site is full, so the latest changes are not saved. ' +
               'They are still open here: export them to a file now.';
      return (error.name ? error.name + ': ' : '') + (error.message || String(error));
    },
    // A stored value is read as the document reader takes it by the page's rule
    // (Module.reftierStoredInput, web/reftier_api.js), which the page's early read uses too.
    // The SHA-256 (hex) of the bytes in "current" as this tab last read or stored them, so a
    // save of the same bytes stores nothing; null when not known.
    storedDigest: null,
    // SHA-256 in hex, by WebCrypto, which works off the main thread; null where it is missing
    // (a page not served over https or from localhost).
    digest: function(bytes) {
      if (typeof crypto === 'undefined' || !crypto.subtle) return Promise.resolve(null);
      return crypto.subtle.digest('SHA-256', bytes).then(function(hash) {
        return Array.from(new Uint8Array(hash), function(b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
      }, function() { return null; });
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

  // The storage boundary's read-back: the bytes of a save, read by the document reader before
  // they replace the stored document. In a worker (web/read_back_worker.js, the reader as its
  // own module), so 40 MB of JSON cost the page no main-thread time; where no worker can run,
  // on the page with the app's own reader. The worker gets the Blob (a handle, not a copy),
  // reads its bytes there and answers with the reason they would not open again ("" when they
  // would) and their SHA-256.
  $RefTierReadBack__deps: ['$RefTierInput', '$RefTierIdb'],
  $RefTierReadBack: {
    worker: null,
    broken: false, // the worker failed to start: read back on the page instead
    next: 1,
    waiting: {},
    last: null, // { bytes, ms, total_ms, where } of the last read-back, for the benchmark
    writerBug: false, // set by reftier.simulateWriterBug() (tests): the next save is cut short
    // A worker holds the reader's memory for the largest document it read; past this size it
    // is let go after the check and started again for the next save.
    kKeepWorkerBelowBytes: 16 << 20,
    start: function() {
      if (RefTierReadBack.worker || RefTierReadBack.broken || typeof Worker === 'undefined')
        return RefTierReadBack.worker;
      try {
        var worker = new Worker('read_back_worker.js');
      } catch (error) {
        RefTierReadBack.broken = true;
        return null;
      }
      worker.onmessage = function(event) {
        var answer = event.data;
        var resolve = RefTierReadBack.waiting[answer.id];
        delete RefTierReadBack.waiting[answer.id];
        if (resolve) resolve(answer);
      };
      worker.onerror = function(event) {
        event.preventDefault();
        RefTierReadBack.broken = true;
        RefTierReadBack.stop();
      };
      RefTierReadBack.worker = worker;
      return worker;
    },
    stop: function() {
      if (RefTierReadBack.worker) RefTierReadBack.worker.terminate();
      RefTierReadBack.worker = null;
      var waiting = RefTierReadBack.waiting;
      RefTierReadBack.waiting = {};
      for (var id in waiting) waiting[id]({ problem: null, error: 'the read-back stopped' });
    },
    // Resolves with { problem, digest }: problem "" when the blob's bytes make a document with
    // these counts; null (and error set) when the check could not run at all.
    check: function(blob, references, accounts) {
      var started = performance.now();
      var done = function(answer, where) {
        RefTierReadBack.last = { bytes: blob.size, where: where, ms: answer.ms, total_ms: performance.now() - started };
        return answer;
      };
      var worker = RefTierReadBack.start();
      if (!worker) {
        return RefTierReadBack.onPage(blob, references, accounts).then(function(answer) { return done(answer, 'page'); });
      }
      var id = RefTierReadBack.next++;
      return new Promise(function(resolve) {
        RefTierReadBack.waiting[id] = resolve;
        worker.postMessage({ id: id, blob: blob, references: references, accounts: accounts });
      }).then(function(answer) {
        if (blob.size > RefTierReadBack.kKeepWorkerBelowBytes) RefTierReadBack.stop();
        if (answer.problem === null && !RefTierReadBack.broken) answer.error = answer.error || 'the read-back failed';
        return done(answer, 'worker');
      });
    },
    onPage: function(blob, references, accounts) {
      return blob.arrayBuffer().then(function(buffer) {
        var bytes = new Uint8Array(buffer);
        var start = performance.now();
        var problem = RefTierInput.offer(bytes, function() {
          return UTF8ToString(_reftier_read_back_on_page(references, accounts));
        });
        var ms = performance.now() - start;
        return RefTierIdb.digest(bytes).then(function(digest) { return { problem: problem, digest: digest, ms: ms }; });
      });
    },
  },
  $RefTierReadBack__postset: 'Module["reftierReadBack"] = RefTierReadBack;',

  // Kept-aside copies: which keys they are, and what they hold.
  $RefTierKept: {
    kinds: ['corrupt-', 'before-import-'],
    isKept: function(key) {
      return typeof key === 'string' && RefTierKept.kinds.some(function(k) { return key.indexOf(k) === 0; });
    },
    size: function(value) {
      if (typeof value === 'string') return new TextEncoder().encode(value).length;
      if (value instanceof Blob) return value.size;
      return value instanceof Uint8Array ? value.length : 0;
    },
    // "2026-11-30 14:05", local time, from the key's ISO time.
    shownDate: function(key) {
      var iso = key.slice(key.indexOf('-') + 1);
      if (key.indexOf('before-import-') === 0) iso = key.slice('before-import-'.length);
      var d = new Date(iso);
      if (isNaN(d.getTime())) return iso;
      var two = function(n) { return (n < 10 ? '0' : '') + n; };
      return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' +
             two(d.getHours()) + ':' + two(d.getMinutes());
    },
  },

  // Downloads a Blob under a file name.
  $RefTierDownload: {
    save: function(blob, name) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      link.rel = 'noopener';
      document.body.appendChild(link);
      link.click();
      setTimeout(function() {
        URL.revokeObjectURL(link.href);
        link.remove();
      }, 1000);
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
  },
  $RefTierOutput__postset: 'Module["reftierTakeOutput"] = RefTierOutput.take;',

  reftier_js_append_output__deps: ['$RefTierOutput'],
  reftier_js_append_output: function(pointer, length) {
    RefTierOutput.pieces.push(HEAPU8.slice(pointer, pointer + length));
  },

  // The pieces of the save being written (platform::append_save_piece), folded into a Blob a
  // megabyte at a time, so no step copies the whole document and wasm memory holds none of it.
  $RefTierSave: {
    blobs: [],
    pieces: [],
    kPiecesPerBlob: 16,
    add: function(piece) {
      RefTierSave.pieces.push(piece);
      if (RefTierSave.pieces.length >= RefTierSave.kPiecesPerBlob) RefTierSave.fold();
    },
    fold: function() {
      if (RefTierSave.pieces.length) RefTierSave.blobs.push(new Blob(RefTierSave.pieces));
      RefTierSave.pieces = [];
    },
    take: function() {
      RefTierSave.fold();
      var blob = new Blob(RefTierSave.blobs, { type: 'application/json' });
      RefTierSave.blobs = [];
      return blob;
    },
    discard: function() {
      RefTierSave.blobs = [];
      RefTierSave.pieces = [];
    },
  },

  reftier_js_append_save_piece__deps: ['$RefTierSave'],
  reftier_js_append_save_piece: function(pointer, length) {
    RefTierSave.add(HEAPU8.slice(pointer, pointer + length));
  },

  reftier_js_discard_save_pieces__deps: ['$RefTierSave'],
  reftier_js_discard_save_pieces: function() { RefTierSave.discard(); },

  reftier_js_load_document__deps: ['$RefTierIdb', '$RefTierInput'],
  reftier_js_load_document: function() {
    // `stored` as IndexedDB gives it (a Blob, bytes or a string saved by an earlier version, or
    // nothing), `input` the same as the reader takes it, `error` a message or null.
    var deliver = function(stored, input, error) {
      var found = input !== null;
      RefTierIdb.offered = stored;
      try {
        RefTierInput.offer(found ? input : new Uint8Array(0), function() {
          RefTierIdb.callWithStrings(function(errorPointer) {
            _reftier_on_stored_document(found ? 1 : 0, errorPointer);
          }, [error]);
        });
      } finally {
        RefTierIdb.offered = null;
      }
    };
    RefTierIdb.announce();
    // The read the page started as it loaded (web/reftier_api.js): delivered in this very call
    // when it is done, so the first frame shows the document.
    var early = Module.reftierStoredRead;
    Module.reftierStoredRead = null;
    var fromEarly = function() {
      if (early.error) return deliver(null, null, RefTierIdb.describe(early.error));
      if (early.input instanceof Uint8Array) RefTierIdb.digest(early.input).then(function(d) { RefTierIdb.storedDigest = d; });
      deliver(early.value, early.input, null);
    };
    if (early && early.done) {
      fromEarly();
      return;
    }
    if (early) {
      early.promise.then(fromEarly);
      return;
    }
    RefTierIdb.withDb(function(db) {
      var tx = db.transaction('documents', 'readonly');
      var get = tx.objectStore('documents').get('current');
      get.onsuccess = function() {
        Module.reftierStoredInput(get.result).then(function(input) {
          if (input instanceof Uint8Array) RefTierIdb.digest(input).then(function(d) { RefTierIdb.storedDigest = d; });
          deliver(get.result, input, null);
        }, function(error) { deliver(null, null, RefTierIdb.describe(error)); });
      };
      get.onerror = function() { deliver(null, null, RefTierIdb.describe(get.error)); };
    }).catch(function(error) {
      deliver(null, null, RefTierIdb.describe(error));
    });
  },

  reftier_js_save_pieces__deps: ['$RefTierIdb', '$RefTierSave', '$RefTierReadBack'],
  reftier_js_save_pieces: function(references, accounts) {
    // Bytes, not a decoded string: no 50 MB UTF-8 decode on every save.
    var blob = RefTierSave.take();
    if (RefTierReadBack.writerBug) {
      RefTierReadBack.writerBug = false;
      blob = blob.slice(0, blob.size >> 1, blob.type);
    }
    // retry: false when saving the same document again cannot help.
    var fail = function(message, retry) {
      RefTierIdb.callWithStrings(function(pointer) { _reftier_on_saved(pointer, retry ? 1 : 0); }, [message]);
    };
    RefTierReadBack.check(blob, references, accounts).then(function(answer) {
      if (answer.problem === null) {
        fail('The save could not be checked (' + answer.error + '), so the stored document was left as it was.', true);
        return;
      }
      if (answer.problem) {
        fail('The save was stopped: ' + answer.problem + '. The stored document was left as it was.', false);
        return;
      }
      // The same bytes as stored: storing them again would only push the real previous out.
      if (answer.digest && answer.digest === RefTierIdb.storedDigest) {
        _reftier_on_saved(0, 0);
        return;
      }
      return RefTierIdb.withDb(function(db) {
        return new Promise(function(resolve) {
          var tx = db.transaction('documents', 'readwrite');
          var store = tx.objectStore('documents');
          var failure = null; // a put can throw (QuotaExceededError) instead of failing the request
          var get = store.get('current');
          get.onsuccess = function() {
            try {
              if (get.result !== undefined) store.put(get.result, 'previous');
              store.put(blob, 'current');
            } catch (error) {
              failure = error;
              tx.abort();
            }
          };
          tx.oncomplete = function() {
            RefTierIdb.storedDigest = answer.digest;
            if (RefTierIdb.channel) RefTierIdb.channel.postMessage({ saved: true, tab: RefTierIdb.tabId });
            _reftier_on_saved(0, 0);
            resolve();
          };
          tx.onabort = function() {
            RefTierIdb.storedDigest = null; // in doubt
            fail(RefTierIdb.describe(failure || tx.error), true);
            resolve();
          };
        });
      });
    }).catch(function(error) { fail(RefTierIdb.describe(error), true); });
  },

  // Kept as it was stored: a Blob, bytes or a string.
  reftier_js_set_aside_stored__deps: ['$RefTierIdb'],
  reftier_js_set_aside_stored: function() {
    var stored = RefTierIdb.offered;
    RefTierIdb.withDb(function(db) {
      db.transaction('documents', 'readwrite').objectStore('documents').put(stored, 'corrupt-' + new Date().toISOString());
    }).catch(function() {});
  },

  // The output pieces (a whole document) kept aside under "<kind>-<time>".
  reftier_js_keep_output_aside__deps: ['$RefTierIdb', '$RefTierOutput'],
  reftier_js_keep_output_aside: function(kindPointer) {
    var bytes = new Blob(RefTierOutput.take(), { type: 'application/json' });
    RefTierIdb.keepAside(UTF8ToString(kindPointer), function() { return bytes; });
  },

  // The stored document kept aside the same way, copied in one transaction with the read; with
  // `tell`, _reftier_on_kept_for_undo says under which key once it is there (null: not kept).
  reftier_js_keep_stored_aside__deps: ['$RefTierIdb'],
  reftier_js_keep_stored_aside: function(kindPointer, tell) {
    RefTierIdb.keepAside(UTF8ToString(kindPointer), function(store) { return store.get('current'); },
                         tell ? function(key) { RefTierIdb.callWithStrings(_reftier_on_kept_for_undo, [key]); } : null);
  },

  // Lists the kept-aside copies with their size and date, and how much room the site uses.
  reftier_js_list_kept_aside__deps: ['$RefTierIdb', '$RefTierKept'],
  reftier_js_list_kept_aside: function() {
    var answer = function(list) {
      RefTierIdb.callWithStrings(_reftier_on_kept_aside_listed, [JSON.stringify(list)]);
    };
    RefTierIdb.withDb(function(db) {
      var store = db.transaction('documents', 'readonly').objectStore('documents');
      return RefTierIdb.request(store.getAllKeys()).then(function(keys) {
        var kept = keys.filter(RefTierKept.isKept).sort().reverse(); // newest first
        return Promise.all(kept.map(function(key) {
          return RefTierIdb.request(store.get(key)).then(function(value) {
            return { key: key, kind: key.indexOf('corrupt-') === 0 ? 'corrupt' : 'before-import',
                     date: RefTierKept.shownDate(key), bytes: RefTierKept.size(value) };
          });
        }));
      });
    }).then(function(copies) {
      var estimate = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate() : Promise.resolve({});
      return estimate.catch(function() { return {}; }).then(function(e) {
        answer({ copies: copies, usage: e.usage == null ? null : e.usage, quota: e.quota == null ? null : e.quota });
      });
    }).catch(function(error) {
      answer({ copies: [], error: 'The kept-aside copies could not be listed: ' + RefTierIdb.describe(error) });
    });
  },

  // Hands a kept-aside copy's bytes to the app (restore), or downloads them (export).
  reftier_js_open_kept_aside__deps: ['$RefTierIdb', '$RefTierInput', '$RefTierDownload'],
  reftier_js_open_kept_aside: function(keyPointer, fileNamePointer) {
    var key = UTF8ToString(keyPointer);
    var fileName = fileNamePointer ? UTF8ToString(fileNamePointer) : null;
    RefTierIdb.withDb(function(db) {
      return RefTierIdb.request(db.transaction('documents', 'readonly').objectStore('documents').get(key));
    }).then(function(value) {
      if (fileName) {
        if (typeof value === 'string' || value instanceof Uint8Array || value instanceof Blob)
          RefTierDownload.save(new Blob([value], { type: 'application/json' }), fileName);
        return;
      }
      if (value === undefined) throw new Error('the copy is no longer in browser storage');
      return Module.reftierStoredInput(value).then(function(input) {
        RefTierInput.offer(input !== null ? input : new Uint8Array(0), function() {
          RefTierIdb.callWithStrings(_reftier_on_kept_aside_opened, [key, null]);
        });
      });
    }).catch(function(error) {
      if (!fileName) RefTierIdb.callWithStrings(_reftier_on_kept_aside_opened, [key, RefTierIdb.describe(error)]);
    });
  },

  reftier_js_remove_kept_aside__deps: ['$RefTierIdb', 'reftier_js_list_kept_aside'],
  reftier_js_remove_kept_aside: function(keyPointer) {
    var key = UTF8ToString(keyPointer);
    RefTierIdb.withDb(function(db) {
      return new Promise(function(resolve, reject) {
        var tx = db.transaction('documents', 'readwrite');
        tx.objectStore('documents').delete(key);
        tx.oncomplete = resolve;
        tx.onabort = function() { reject(tx.error); };
      });
    }).catch(function() {}).then(function() { _reftier_js_list_kept_aside(); });
  },

  reftier_js_download_output__deps: ['$RefTierOutput', '$RefTierDownload'],
  reftier_js_download_output: function(namePointer, mimePointer) {
    // The bytes as they are: decoding them would drop a leading BOM (CSV for Excel needs it).
    RefTierDownload.save(new Blob(RefTierOutput.take(), { type: UTF8ToString(mimePointer) }), UTF8ToString(namePointer));
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
