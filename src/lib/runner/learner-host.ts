// Where the learner's code runs: a fresh SharedWorker per client and run, created from a hidden iframe
// that owns it. Why not a dedicated worker (which shares the page's renderer process): learner code that
// keeps allocating ("keep.push(new Array(5e6).fill(1.5))" on a timer) reaches V8's heap limit in a
// second or two, and a dedicated worker's out-of-memory crash takes the whole tab with it ("Page
// crashed", measured). A SharedWorker runs in a process of its own in Chromium: its crash ends only
// the run, and the page says so. No API tells a worker's memory in time to stop it first (measured:
// performance.memory does not exist in workers; performance.measureUserAgentSpecificMemory needs
// cross-origin isolation and answered after 14–18 s). The page cannot terminate a SharedWorker, but
// removing the iframe that owns it ends it, even in the middle of an endless loop.
import learnerWorkerUrl from './worker/learner-worker.ts?worker&url'

export interface LearnerHost {
  /** the private channel to the learner's worker: the first message sent on it is `init` */
  readonly port: MessagePort
  /** ends the worker, whatever it is doing */
  terminate(): void
  /** the worker script could not start */
  onLoadError(fn: (message: string) => void): void
}

type WindowWithSharedWorker = Window & { SharedWorker: typeof SharedWorker }

export function startLearnerHost(name: string): LearnerHost {
  const frame = document.createElement('iframe')
  frame.hidden = true
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  frame.title = 'Runs your code'
  document.body.append(frame)
  const owner = frame.contentWindow as WindowWithSharedWorker
  const worker = new owner.SharedWorker(new URL(learnerWorkerUrl, location.href).href, { type: 'module', name })
  const errorListeners: Array<(message: string) => void> = []
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    const message = (event as ErrorEvent).message || 'the worker script failed to load'
    for (const fn of errorListeners) fn(message)
  })
  return {
    port: worker.port,
    terminate() {
      worker.port.close()
      frame.remove()
    },
    onLoadError(fn) {
      errorListeners.push(fn)
    },
  }
}
