/* global importScripts, handleRequest, activeClientIds, activeClientIdsRestorePromise -- a classic service
   worker script, served as it is (src/build/service-worker-plugin.ts); the last three come from msw's */
/*
 * Wirelab's service worker, the only one the site has. It runs before msw's own worker, which it imports
 * at the end:
 * - a learner request carries a tag "<tab>.<run>.<connection>" (header or query parameter): it goes to
 *   the tab that owns that run, whichever tab is visible or first (msw alone would pick the first
 *   visible tab, so two tabs running at once answered each other's requests);
 * - a learner worker (the only blob: workers Wirelab makes) gets nothing else: an untagged request from
 *   it is refused, so a way around its wrapped fetch and EventSource reaches no network;
 * - the site's own files come from the precache of this build (BUILD, written in at build time), so the
 *   course works offline after the first visit; a file of an earlier build stays available while a tab
 *   of that build is open, so an old tab never misses a lazy chunk.
 * msw's `handleRequest`, `activeClientIds` and `activeClientIdsRestorePromise` are the globals of
 * mockServiceWorker.js (msw is pinned; the two-tab end-to-end test fails if they change).
 *
 * Updates: a new build's worker precaches every file while it waits (msw's worker would skip waiting;
 * that is turned off here), and takes over only when a tab asks (the learner pressed "Reload to update")
 * or every tab has closed. msw's worker also unregisters itself when its last tab closes, which would
 * take the offline course with it: that is turned off too.
 */
const BUILD = { version: 'dev', files: [], bytes: 0 } // written in at build time: src/build/service-worker-plugin.ts
const TAG_HEADER = 'x-wirelab-tag'
const TAG_PARAM = '__wirelab'
const PROBE_PATH = '/__wirelab/probe'
const TAG = /^([0-9a-f-]{8,64})\.(\d+)\.(\d+)$/i
const SCOPE = self.registration.scope
// Cache Storage is shared by the whole origin: two courses at two sub-paths of one host keep apart
const CACHE_PREFIX = `wirelab-precache:${SCOPE}:`
const CACHE = CACHE_PREFIX + BUILD.version
const META_CACHE = `wirelab-meta:${SCOPE}`
const CLIENTS_KEY = `${SCOPE}__wirelab/client-builds`
const ASSET = /^assets\//

// ---- msw's worker must neither skip waiting on an update nor unregister itself ----
const skipWaitingNow = self.skipWaiting.bind(self)
// the first install has nothing to wait for; an update waits until a tab asks (see 'wirelab:update')
self.skipWaiting = () => (self.registration.active ? Promise.resolve() : skipWaitingNow())
// msw unregisters when its last tab closes: the next visit, offline, would find no worker at all
self.registration.unregister = () => Promise.resolve(false)

self.addEventListener('install', (event) => {
  // an update precaches everything before it may take over (if a file fails, the install fails and the
  // browser tries again later; the old build keeps working). The first install has nothing to protect:
  // it activates at once, so that the first Run need not wait, and fills the cache in the background.
  if (self.registration.active) event.waitUntil(fill({ strict: true }))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(removeUnusedBuilds())
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (url.pathname.endsWith(PROBE_PATH)) {
    event.stopImmediatePropagation()
    event.respondWith(new Response(null, { status: 204, headers: { 'x-wirelab-sw': '1', 'cache-control': 'no-store' } }))
    return
  }
  const tag = TAG.exec(request.headers.get(TAG_HEADER) ?? url.searchParams.get(TAG_PARAM) ?? '')
  event.stopImmediatePropagation()
  if (tag) {
    event.respondWith(toOwner(event, tag[1]))
    return
  }
  const path = sitePath(request, url)
  if (request.mode === 'navigate') {
    // the course's page (its address carries the lesson in the hash): from the precache
    if (path === 'index.html') event.respondWith(page(event))
    return
  }
  // the page's own files (scripts, styles, workers, fonts, images)
  if (url.origin === self.location.origin && request.destination !== '') {
    if (path !== null) event.respondWith(siteFile(request, path))
    return
  }
  event.respondWith(screened(event, path))
})

self.addEventListener('message', (event) => {
  const data = event.data
  if (!data || typeof data !== 'object') return
  // a tab asks for its own client id: it names its runs with it
  if (data.type === 'wirelab:whoami' && event.ports[0]) event.ports[0].postMessage({ id: event.source && event.source.id })
  // a tab asks for more of the offline copy (a few files at a time, when it has no run going on), then
  // every tab is told how it stands. A tab loaded before any worker (the first visit) is this build's.
  if (data.type === 'wirelab:precache') {
    const tab = event.source && event.source.id
    const limit = Number.isInteger(data.limit) && data.limit > 0 ? data.limit : Infinity
    event.waitUntil(
      Promise.all([tab ? rememberClientBuild(tab, { unlessKnown: true }) : null, fill({ strict: false, limit })]).then(announceStatus, announceStatus),
    )
  }
  // the learner chose to reload into the new build: the page posts this to the waiting worker only
  if (data.type === 'wirelab:update') event.waitUntil(skipWaitingNow())
})

/** a learner request, answered by the tab that owns the run (through msw), or a network error */
async function toOwner(event, tab) {
  await activeClientIdsRestorePromise
  const owner = await self.clients.get(tab)
  if (!owner || !activeClientIds.has(tab)) return Response.error()
  return handleRequest({ clientId: tab, request: event.request })
}

/** an untagged request that is not a page's own script or style: refused if a learner worker made it */
async function screened(event, path) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null
  if (client && client.type === 'worker' && client.url.startsWith('blob:')) {
    return new Response('Wirelab: learner code reaches the simulated server only.', { status: 403, statusText: 'Forbidden by Wirelab' })
  }
  return path === null ? fetch(event.request) : siteFile(event.request, path)
}

/** the path of a site file below the scope ("assets/x.js"; the scope itself is "index.html"), or null */
function sitePath(request, url) {
  if (request.method !== 'GET' || url.origin !== self.location.origin) return null
  const address = url.origin + url.pathname
  if (!address.startsWith(SCOPE)) return null
  const path = decodeURIComponent(address.slice(SCOPE.length))
  return path === '' ? 'index.html' : path
}

/** the page for a navigation; remembers which build it is, so that build's files are kept while it is open */
async function page(event) {
  const response = await siteFile(event.request, 'index.html')
  if (event.resultingClientId) event.waitUntil(rememberClientBuild(event.resultingClientId).then(removeUnusedBuilds))
  return response
}

/** a file of the site: this build's copy, else an earlier build's (an old tab's lazy chunk), else the network */
async function siteFile(request, path) {
  const kept = await cached(path)
  if (kept) return kept
  const response = await fetch(request)
  // the first visit fills the cache as the page loads its files, before the background fill gets to them
  if (response.ok && response.type === 'basic' && BUILD.files.includes(path)) {
    const copy = response.clone()
    await caches
      .open(CACHE)
      .then((cache) => cache.put(new URL(path, SCOPE).href, copy))
      .catch(() => undefined)
  }
  return response
}

async function cached(path) {
  const key = new URL(path, SCOPE).href
  const own = await caches.open(CACHE).then((cache) => cache.match(key))
  if (own) return own
  for (const name of await buildCaches()) {
    if (name === CACHE) continue
    const older = await caches.open(name).then((cache) => cache.match(key))
    if (older) return older
  }
  return undefined
}

const buildCaches = async () => (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX))

let filling = null
/**
 * Puts this build's files into its cache; files already there are skipped, and a hashed file an earlier
 * build cached is copied, not downloaded. strict (an update installing): every file, four at a time, and
 * any failure fails the whole fill. Otherwise (the first visit, in the background): `limit` files, one
 * at a time, so that it never competes much with a run.
 */
function fill({ strict, limit = Infinity }) {
  if (BUILD.files.length === 0) return Promise.resolve()
  const run = async () => {
    const cache = await caches.open(CACHE)
    const have = new Set((await cache.keys()).map((r) => r.url))
    const missing = BUILD.files.filter((path) => !have.has(new URL(path, SCOPE).href)).slice(0, limit)
    const failures = []
    let next = 0
    const worker = async () => {
      while (next < missing.length) {
        const path = missing[next++]
        try {
          await store(cache, path)
        } catch (error) {
          failures.push(`${path}: ${error && error.message ? error.message : error}`)
        }
      }
    }
    await Promise.all(strict ? [worker(), worker(), worker(), worker()] : [worker()])
    if (failures.length && strict) throw new Error(`Wirelab could not keep ${failures.length} files for offline use: ${failures.join('; ')}`)
  }
  if (strict) return run()
  filling ??= run().finally(() => (filling = null))
  return filling
}

async function store(cache, path) {
  const key = new URL(path, SCOPE).href
  if (ASSET.test(path)) {
    // a hashed file: the same name is the same bytes, whichever build cached it
    const earlier = await cached(path)
    if (earlier) return cache.put(key, earlier)
  }
  // hashed files may come from the HTTP cache; the others (index.html …) must be this build's
  const response = await fetch(new Request(key, { cache: ASSET.test(path) ? 'default' : 'no-cache' }))
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  await cache.put(key, response)
}

/** how complete this build's offline copy is, told to every tab */
async function announceStatus() {
  const cache = await caches.open(CACHE)
  const have = new Set((await cache.keys()).map((r) => r.url))
  const cachedFiles = BUILD.files.filter((path) => have.has(new URL(path, SCOPE).href)).length
  const status = { type: 'wirelab:offline-status', version: BUILD.version, files: BUILD.files.length, cached: cachedFiles, bytes: BUILD.bytes }
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(status)
}

// ---- which build each open tab runs: an earlier build's files are kept while a tab of it is open ----
let clientsWrite = Promise.resolve()
function rememberClientBuild(clientId, { unlessKnown = false } = {}) {
  clientsWrite = clientsWrite.then(async () => {
    const builds = await readClientBuilds()
    if (unlessKnown && builds[clientId]) return
    builds[clientId] = BUILD.version
    const live = new Set((await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => c.id))
    for (const id of Object.keys(builds)) if (id !== clientId && !live.has(id)) delete builds[id]
    const meta = await caches.open(META_CACHE)
    await meta.put(CLIENTS_KEY, new Response(JSON.stringify(builds)))
  })
  return clientsWrite.catch(() => undefined)
}

async function readClientBuilds() {
  try {
    const response = await caches.open(META_CACHE).then((meta) => meta.match(CLIENTS_KEY))
    const builds = response ? await response.json() : {}
    return builds && typeof builds === 'object' && !Array.isArray(builds) ? builds : {}
  } catch {
    return {}
  }
}

/** deletes the caches of earlier builds no open tab runs (never while a newer build is installing) */
async function removeUnusedBuilds() {
  // only the active worker cleans up, and never while a newer one fills its cache (it copies from older ones)
  if (BUILD.files.length === 0 || self.registration.installing || self.registration.waiting) return
  if (self.serviceWorker && self.registration.active !== self.serviceWorker) return
  const builds = await readClientBuilds()
  const live = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  const inUse = new Set(live.map((c) => builds[c.id]).filter(Boolean))
  for (const name of await buildCaches()) {
    if (name !== CACHE && !inUse.has(name.slice(CACHE_PREFIX.length))) await caches.delete(name)
  }
}

importScripts('./mockServiceWorker.js')
