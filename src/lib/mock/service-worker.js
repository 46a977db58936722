/* global importScripts, handleRequest, activeClientIds, activeClientIdsRestorePromise -- a classic service
   worker script, served as it is (src/build/service-worker-plugin.ts); the last three come from msw's */
/*
 * Wirelab's service worker. It runs before msw's own worker, which it imports at the end:
 * - a learner request carries a tag "<tab>.<run>.<connection>" (header or query parameter): it goes to
 *   the tab that owns that run, whichever tab is visible or first (msw alone would pick the first
 *   visible tab, so two tabs running at once answered each other's requests);
 * - a learner worker (the only blob: workers Wirelab makes) gets nothing else: an untagged request from
 *   it is refused, so a way around its wrapped fetch and EventSource reaches no network;
 * - the page's own files go to the network untouched (msw would otherwise ask the page about each one).
 * msw's `handleRequest`, `activeClientIds` and `activeClientIdsRestorePromise` are the globals of
 * mockServiceWorker.js (msw is pinned; the two-tab end-to-end test fails if they change).
 */
const TAG_HEADER = 'x-wirelab-tag'
const TAG_PARAM = '__wirelab'
const PROBE_PATH = '/__wirelab/probe'
const TAG = /^([0-9a-f-]{8,64})\.(\d+)\.(\d+)$/i

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
  // pages and the scripts of workers: straight to the network
  if (request.mode === 'navigate' || (url.origin === self.location.origin && request.destination !== '')) return
  event.respondWith(screened(event))
})

self.addEventListener('message', (event) => {
  // a tab asks for its own client id: it names its runs with it
  if (event.data && event.data.type === 'wirelab:whoami' && event.ports[0]) event.ports[0].postMessage({ id: event.source && event.source.id })
})

/** a learner request, answered by the tab that owns the run (through msw), or a network error */
async function toOwner(event, tab) {
  await activeClientIdsRestorePromise
  const owner = await self.clients.get(tab)
  if (!owner || !activeClientIds.has(tab)) return Response.error()
  return handleRequest({ clientId: tab, request: event.request })
}

/** an untagged request that is not a page's own file: refused if a learner worker made it */
async function screened(event) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null
  if (client && client.type === 'worker' && client.url.startsWith('blob:')) {
    return new Response('Wirelab: learner code reaches the simulated server only.', { status: 403, statusText: 'Forbidden by Wirelab' })
  }
  return fetch(event.request)
}

importScripts('./mockServiceWorker.js')
