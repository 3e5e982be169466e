/* global self, caches, fetch, Response, __PRECACHE__, __VERSION__ */
// The service worker (served at /sw.js). The two placeholders below are filled in at
// build time by pwa/vite-plugin-pwa.ts with every file of the build: the app shell, each
// screen's chunk, every language and the barcode decoder's .wasm, so that the app opens and
// scans with no network. API answers are never cached here: they are confidential and live.

const PRECACHE = __PRECACHE__;
const CACHE = `verity-${__VERSION__}`;
/** On a weak connection, wait this long for a fresh page before opening the cached one. */
const NAVIGATION_TIMEOUT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('verity-') && n !== CACHE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

/** The network's answer, or the cached page when the network fails or is too slow. */
async function networkFirstPage(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) void cache.put('/', response.clone());
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, timeout]);
    if (first) return first;
  } catch {
    // Offline: the cached page below.
  }
  const cached = await cache.match('/');
  return (
    cached ?? network.catch(() => new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain' } }))
  );
}

/** Files of the build never change under their name: the cache first, then the network. */
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(networkFirstPage(request));
  else if (PRECACHE.includes(url.pathname)) event.respondWith(cacheFirst(request));
});

// Web Push (the server's notifications/): show what came; a click opens the case. The
// message's id is the notification's tag, so a push repeated after a server crash replaces
// the first instead of showing twice.
self.addEventListener('push', (event) => {
  let message;
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data ? event.data.text() : '' };
  }
  event.waitUntil(
    self.registration.showNotification(message.title || 'Verity', {
      body: message.body || '',
      tag: message.id,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: typeof message.url === 'string' ? message.url : '/notifications' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
  // Only pages of this app.
  const url =
    target.origin === self.location.origin ? target.href : new URL('/notifications', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const same = windows.find((w) => w.url === url);
      if (same) return same.focus();
      const open = windows.find((w) => 'navigate' in w);
      if (open) return open.navigate(url).then((w) => (w ? w.focus() : self.clients.openWindow(url)));
      return self.clients.openWindow(url);
    }),
  );
});
