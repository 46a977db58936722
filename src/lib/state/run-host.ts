// The page's one msw instance and the runs it serves. msw is started on first use (it is ~160 KB) and
// routes each tagged request to the run it belongs to.
import type { RunWire } from '../mock/run-wire.ts'

const runs = new Map<string, RunWire>()
let starting: Promise<void> | null = null

export function ensureMockStarted(): Promise<void> {
  starting ??= import('../mock/start-mock.ts')
    .then((m) => m.startMock((id) => runs.get(id)))
    .catch((error: unknown) => {
      starting = null // let the next Run try again
      throw error
    })
  return starting
}

export function registerRun(runId: string, wire: RunWire): () => void {
  runs.set(runId, wire)
  return () => runs.delete(runId)
}
