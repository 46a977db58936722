// msw handlers: requests tagged by the learner realm go to that run's simulation; everything else
// (the app's own files) passes through untouched.
import { http } from 'msw'
import { answerRequest, readTag } from './http-transport.ts'
import type { RunWire } from './run-wire.ts'

export function createHandlers(findRun: (runId: string) => RunWire | undefined) {
  return [
    http.all('*', ({ request }) => {
      const tag = readTag(request)
      if (!tag) return undefined
      const wire = findRun(tag.runId)
      // a request from a run that has ended: 204 stops an EventSource from reconnecting
      if (!wire) return new Response(null, { status: 204 })
      return answerRequest(request, tag.conn, wire)
    }),
  ]
}
