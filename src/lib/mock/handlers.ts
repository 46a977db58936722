// msw handlers: a request tagged by the learner realm goes to its run's simulation. The service worker
// only sends this tab the requests of its own runs (see service-worker.js); one that names another tab
// fails loudly instead of being answered from the wrong simulation.
import { http } from 'msw'
import { answerRequest, readTag } from './http-transport.ts'
import type { RunWire } from '../crossing/run-wire.ts'

export function createHandlers(findRun: (runId: string) => RunWire | undefined, thisTab: () => string) {
  return [
    http.all('*', ({ request }) => {
      const tag = readTag(request)
      if (!tag) return undefined
      if (tag.tab !== thisTab()) {
        console.error(`[wirelab] a request of another tab's run reached this tab: ${request.method} ${request.url}`)
        return new Response('Wirelab: this request belongs to a run of another tab.', { status: 421, statusText: 'Misdirected Request' })
      }
      const wire = findRun(tag.runId)
      // a request from a run that has ended: 204 stops an EventSource from reconnecting
      if (!wire) return new Response(null, { status: 204 })
      return answerRequest(request, tag.conn, wire)
    }),
  ]
}
