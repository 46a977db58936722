// The page's one msw instance and the runs it serves. msw is started on first use (it is ~160 KB) and
// routes each tagged request to the run it belongs to. Runs are named "<tab>.<n>": the tab's id at the
// service worker makes them unique over every tab and window, and tells the service worker where a
// request belongs.
import type { RunWire } from '../crossing/run-wire.ts'

const runs = new Map<string, RunWire>()
let starting: Promise<string> | null = null
let counter = 0

/** msw is running in this tab; resolves with the tab's id */
export function ensureMockStarted(): Promise<string> {
  starting ??= import('../mock/start-mock.ts')
    .then((m) => m.startMock((id) => runs.get(id)))
    .catch((error: unknown) => {
      starting = null // let the next Run try again
      throw error
    })
  return starting
}

/** a fresh run id; checks first that the service worker is still there (clearing site data removes it) */
export async function nextRunId(): Promise<string> {
  const tab = await ensureMockStarted()
  const { whoAmI } = await import('../mock/start-mock.ts')
  const now = await whoAmI()
  if (now !== tab) throw new Error('This tab is no longer known to the service worker. Reload the page to start it again.')
  return `${tab}.${++counter}`
}

export function registerRun(runId: string, wire: RunWire): () => void {
  runs.set(runId, wire)
  return () => runs.delete(runId)
}
