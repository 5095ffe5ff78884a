// Hands gtest's sharding variables from node's environment to the wasm test binary (a program
// built by Emscripten sees a fixed environment of its own), so ctest can run the wasm core
// suite in shards side by side as it does the native one (tests/CMakeLists.txt).
Module.preRun = Module.preRun || [];
Module.preRun.push(() => {
  for (const name of ['GTEST_TOTAL_SHARDS', 'GTEST_SHARD_INDEX']) {
    if (process.env[name] !== undefined) ENV[name] = process.env[name];
  }
});
