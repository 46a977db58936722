// msw handlers: requests tagged by the learner realm go to that run's simulation; everything else
// (the app's own files) passes through untouched.
import { http } from 'msw'
import { answerEventSource } from './event-source-transport.ts'
import type { RunWire } from './run-wire.ts'

export interface RunTag {
  runId: string
  conn: number
}

export function readTag(url: URL, tagParam: string): RunTag | null {
  const value = url.searchParams.get(tagParam)
  const match = value ? /^([\w-]+)\.(\d+)$/.exec(value) : null
  return match ? { runId: match[1]!, conn: Number(match[2]) } : null
}

export function createHandlers(findRun: (runId: string) => RunWire | undefined, tagParam: string) {
  return [
    http.all('*', ({ request }) => {
      const tag = readTag(new URL(request.url), tagParam)
      if (!tag) return undefined
      const wire = findRun(tag.runId)
      // a request from a run that has ended: 204 stops an EventSource from reconnecting
      if (!wire) return new Response(null, { status: 204 })
      return answerEventSource(request, tag.conn, wire, tagParam)
    }),
  ]
}
