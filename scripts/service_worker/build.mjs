// Writes the service worker of one built web folder: web/sw.js with the folder's file list
// (workbox-build's injectManifest: each file's revision is the MD5 of its bytes; we add each
// file's SHA-384 as its subresource integrity), and Workbox's runtime modules in workbox/.
// Run by the wasm build after each link (src/app/CMakeLists.txt), and by
// tests/e2e/service_worker.test.mjs on the copy it makes of a build.
//   node scripts/service_worker/build.mjs WEB_FOLDER [SW_TEMPLATE]
// https://developer.chrome.com/docs/workbox/modules/workbox-build#injectmanifest
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import workboxBuild from 'workbox-build';

const here = dirname(fileURLToPath(import.meta.url));
const [folderArgument, templateArgument] = process.argv.slice(2);
if (!folderArgument) {
  console.error('usage: node scripts/service_worker/build.mjs WEB_FOLDER [SW_TEMPLATE]');
  process.exit(2);
}
const folder = resolve(folderArgument);
const template = resolve(templateArgument || join(here, '../../web/sw.js'));

// The modules web/sw.js uses, production builds only (workbox-sw loads them by name).
const require = createRequire(import.meta.url);
const MODULES = ['core', 'precaching', 'routing', 'strategies', 'expiration'];
mkdirSync(join(folder, 'workbox'), { recursive: true });
copyFileSync(require.resolve('workbox-sw/build/workbox-sw.js'), join(folder, 'workbox/workbox-sw.js'));
for (const name of MODULES) {
  const file = `workbox-${name}.prod.js`;
  copyFileSync(require.resolve(`workbox-${name}/build/${file}`), join(folder, 'workbox', file));
}

const integrity = async (entries) => ({
  manifest: entries.map((entry) => ({
    ...entry,
    integrity: 'sha384-' + createHash('sha384').update(readFileSync(join(folder, entry.url))).digest('base64'),
  })),
  warnings: [],
});

const { count, size, warnings } = await workboxBuild.injectManifest({
  swSrc: template,
  swDest: join(folder, 'sw.js'),
  globDirectory: folder,
  // Everything the page loads; not the font slices (cached when fetched, see web/sw.js), not
  // Workbox itself (the browser keeps a worker's imported scripts with it).
  globPatterns: ['**/*.{html,css,js,wasm,svg,webmanifest,ttf,otf}'],
  globIgnores: ['fonts/fallback-*', 'workbox/**'],
  // reftier.wasm is over Workbox's 2 MB default, which would leave it out with only a warning.
  maximumFileSizeToCacheInBytes: 64 << 20,
  manifestTransforms: [integrity],
});
// A file left out would open a build offline without it: any warning is an error.
if (warnings.length > 0) {
  console.error(warnings.join('\n'));
  process.exit(1);
}
console.log(`service worker: ${count} files precached, ${(size / 1024).toFixed(0)} KB`);
