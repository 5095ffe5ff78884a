// The offline copy of the app (issue 17): each build's files live in a cache of their own,
// filled in one install and served from it at once, online or not; a new build installs in the
// background and waits until the user presses "Reload" on the page (web/reftier_api.js).
// This file is a template: scripts/service_worker/build.mjs (workbox-build's injectManifest)
// writes the build's file list in place of the manifest below, each file with a revision (its
// MD5) and a subresource integrity hash (its SHA-384), so an install whose server already holds
// other bytes than this build's (a deploy half done, a cut download) fails instead of mixing.
// Workbox: https://developer.chrome.com/docs/workbox/modules/workbox-precaching
// Lifecycle: https://web.dev/articles/service-worker-lifecycle
'use strict';
importScripts('workbox/workbox-sw.js');
// Our own copy of Workbox's modules (the build copies them beside this file), never its CDN.
workbox.setConfig({ modulePathPrefix: 'workbox/', debug: false });

const MANIFEST = self.__WB_MANIFEST;

// The build's cache is named after its files' revisions, so two builds never share one (FNV-1a
// of the list; a collision would still keep builds apart: precache keys carry the revision).
function buildKey(entries) {
  let hash = 0x811c9dc5;
  const text = entries.map((entry) => entry.url + ' ' + entry.revision).join('\n');
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
const BUILD_PREFIX = 'reftier-build-';
workbox.core.setCacheNameDetails({ prefix: 'reftier', precache: 'build-' + buildKey(MANIFEST) });

// Cache first for every file of the build: the page opens at once offline and on a bad network,
// and never waits on the network for its own files. Any query string still means the page.
workbox.precaching.precacheAndRoute(MANIFEST, { ignoreURLParametersMatching: [/.*/] });

// The CJK and symbol font slices (src/platform/font_fetch_library.js) are not precached (117
// files, 7.2 MB): each is kept once fetched, across builds, since its name holds a hash of its
// bytes (scripts/slice_fonts.py). The oldest go first past twice today's number.
const SLICES = /\/fonts\/fallback-[0-9A-F]+-[0-9A-F]+\.[0-9a-f]+\.(otf|ttf)$/;
workbox.routing.registerRoute(
  ({ url, sameOrigin }) => sameOrigin && SLICES.test(url.pathname),
  new workbox.strategies.CacheFirst({
    cacheName: 'reftier-font-slices',
    plugins: [new workbox.expiration.ExpirationPlugin({ maxEntries: 240 })],
  }));

// A new build waits: the page asks for it when the user presses "Reload".
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

// Once this build is active, the caches of every other build go (and the one cache of the
// worker before Workbox, 'reftier-v1'); the font slices stay.
self.addEventListener('activate', (event) => {
  const mine = workbox.core.cacheNames.precache;
  const suffix = '-' + self.registration.scope;
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys
    .filter((key) => key === 'reftier-v1' ||
                     (key.startsWith(BUILD_PREFIX) && key.endsWith(suffix) && key !== mine))
    .map((key) => caches.delete(key)))));
});
