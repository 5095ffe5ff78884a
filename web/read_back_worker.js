// The storage boundary's read-back off the main thread (issue 17): the page posts the bytes it
// is about to store, this worker reads them with the app's own document reader
// (read_back.wasm, built from src/platform/read_back.cpp) and posts them back, transferred, with
// "" or the reason they would not open again. Messages: { id, bytes, references, accounts } in,
// { id, bytes, problem, ms } out.
'use strict';
importScripts('read_back.js');
const reader = createReadBack();

self.onmessage = (event) => {
  const { id, bytes, references, accounts } = event.data;
  reader.then((module) => {
    let at = 0;
    module.fillInput = (pointer, capacity) => {
      const piece = bytes.subarray(at, at + capacity);
      module.HEAPU8.set(piece, pointer);
      at += piece.length;
      return piece.length;
    };
    const start = performance.now();
    const problem = module.UTF8ToString(module._reftier_read_back(references, accounts));
    module.fillInput = null;
    self.postMessage({ id, bytes, problem, ms: performance.now() - start }, [bytes.buffer]);
  }).catch((error) => {
    self.postMessage({ id, bytes, problem: null, error: String(error) }, [bytes.buffer]);
  });
};
