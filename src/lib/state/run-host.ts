// The page's one msw instance and the runs it serves. msw is started on first use (it is ~160 KB) and
// routes each tagged request to the run it belongs to. Runs are named "<tab>.<n>": the tab's id at the
// service worker makes them unique over every tab and window, and tells the service worker where a
// request belongs.
import type { RunWire } from '../crossing/run-wire.ts'
import { RUN_LOCK } from '../offline/offline-support.ts'

const runs = new Map<string, RunWire>()
let starting: Promise<string> | null = null
let counter = 0

// A new build's service worker took over (the learner updated in some tab): msw in this tab still talks
// to the old worker, so it starts again, with the new one, at the next Run. (Not on the first visit's
// first worker taking control: msw may be starting with that one.)
let hadController = typeof navigator !== 'undefined' && !!navigator.serviceWorker?.controller
if (typeof navigator !== 'undefined' && navigator.serviceWorker) {
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // no controller at all (site data cleared): keep msw as it is, so the next Run says "Reload the page"
    if (hadController && navigator.serviceWorker.controller) starting = null
    hadController = true
  })
}

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
  const release = holdRunLock()
  return () => {
    runs.delete(runId)
    release()
  }
}

/** holds the shared run lock until the returned function is called (no Web Locks: nothing to hold) */
function holdRunLock(): () => void {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  void navigator.locks?.request(RUN_LOCK, { mode: 'shared' }, () => held).catch(() => undefined)
  return release
}
