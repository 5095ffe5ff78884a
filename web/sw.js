// Offline support: every file the app needs is cached on install; requests go to the network
// first (so a new build is picked up at once) and fall back to the cache when offline.
'use strict';
const CACHE = 'reftier-v1';
const FILES = ['./', './index.html', './style.css', './reftier_api.js', './reftier.js',
               './reftier.wasm', './icon.svg', './manifest.webmanifest',
               // The storage boundary's read-back (read_back_worker.js): offline saves need it.
               './read_back_worker.js', './read_back.js', './read_back.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request, { ignoreSearch: true })
    .then((cached) => cached || caches.match('./index.html'))));
});
