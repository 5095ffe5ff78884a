// The JavaScript half of src/platform/font_fetch.h, linked with --js-library. The service
// worker (web/sw.js) keeps a copy of each slice once fetched, so the app draws it offline too.
mergeInto(LibraryManager.library, {
  reftier_js_fetch_font: function(filePointer) {
    var file = UTF8ToString(filePointer);
    var deliver = function(bytes) {
      var name = allocateUTF8(file);
      var data = bytes ? _malloc(bytes.length) : 0;
      if (data) HEAPU8.set(bytes, data);
      try {
        _reftier_on_font(name, data, bytes ? bytes.length : 0);
      } finally {
        _free(name);
        if (data) _free(data);
      }
    };
    fetch('fonts/' + file).then(function(response) {
      if (!response.ok) throw new Error(response.status);
      return response.arrayBuffer();
    }).then(function(buffer) { deliver(new Uint8Array(buffer)); }, function(error) {
      console.warn('RefTier could not load the font for some characters (' + file + '): ' + error);
      deliver(null);
    });
  },
});
