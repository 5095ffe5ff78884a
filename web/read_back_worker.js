// The storage boundary's read-back off the main thread (issue 17): the page posts the Blob it is
// about to store, this worker reads its bytes with the app's own document reader
// (read_back.wasm, built from src/platform/read_back.cpp) and answers with "" or the reason they
// would not open again, and their SHA-256 (hex; null where WebCrypto is missing), so the page
// can tell a save of the bytes already stored. Messages: { id, blob, references, accounts } in,
// { id, problem, digest, ms } out (problem null and error set when the check could not run).
'use strict';
importScripts('read_back.js');
const reader = createReadBack();

const hex = (hash) => Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');

self.onmessage = async (event) => {
  const { id, blob, references, accounts } = event.data;
  try {
    const [module, buffer] = await Promise.all([reader, blob.arrayBuffer()]);
    const bytes = new Uint8Array(buffer);
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
    const ms = performance.now() - start;
    const digest = self.crypto && crypto.subtle ? hex(await crypto.subtle.digest('SHA-256', bytes)) : null;
    self.postMessage({ id, problem, digest, ms });
  } catch (error) {
    self.postMessage({ id, problem: null, error: String(error) });
  }
};
