// The page's side of Wirelab's service worker: registers it at load (it keeps the course for offline use
// and is the same script msw uses), follows how complete the offline copy is, and offers a new build when
// one is waiting. An update is never forced: the learner presses "Reload to update", it waits for every
// run in every tab to end (a Web Lock all runs share), and only the tab that asked reloads.
import { parseOfflineStatus, registrationProblem, RUN_LOCK, serviceWorkerProblem, serviceWorkerUrl, type OfflineStatus } from './offline-support.ts'

/** none; ready: a new build waits for the learner; waiting: it waits for runs to end; applying; elsewhere: another tab updated */
export type UpdateState = 'none' | 'ready' | 'waiting' | 'applying' | 'elsewhere'

/** how often a tab left open asks the host for a new build */
const UPDATE_CHECK_MS = 30 * 60_000
/** files the service worker keeps per request of the background fill (one at a time, between runs) */
const FILL_BATCH = 6
/** a fill request the service worker never answers is given up after this long (it is asked again at the next page load) */
const FILL_ANSWER_MS = 120_000

export class CourseWorker {
  /** why there is no service worker here (and so no Run and no offline copy), with what to do */
  problem = $state<string | null>(null)
  status = $state<OfflineStatus | null>(null)
  update = $state<UpdateState>('none')
  /** a lazy part of the page failed to load (offline before it was kept, or an old build's file) */
  chunkMissing = $state(false)
  private registration: ServiceWorkerRegistration | null = null
  private started = false
  private keeping = false
  private statusWaiters: Array<(status: OfflineStatus) => void> = []

  /** registers the service worker once the page is idle; safe to call more than once */
  start(): void {
    if (this.started) return
    this.started = true
    addEventListener('vite:preloadError', () => (this.chunkMissing = true))
    const problem = serviceWorkerProblem({
      secure: isSecureContext,
      hasServiceWorker: 'serviceWorker' in navigator,
      protocol: location.protocol,
      hostname: location.hostname,
    })
    if (problem) {
      this.problem = problem
      return
    }
    const idle = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 1))
    idle(() => void this.register(), { timeout: 2000 })
  }

  private async register(): Promise<void> {
    const container = navigator.serviceWorker
    let hadController = !!container.controller
    container.addEventListener('message', (event: MessageEvent) => {
      const status = parseOfflineStatus(event.data)
      if (!status) return
      this.status = status
      for (const waiter of this.statusWaiters.splice(0)) waiter(status)
    })
    container.addEventListener('controllerchange', () => {
      if (!hadController) {
        // the first visit's worker took control: now it can keep the course
        hadController = true
        void this.keepCourse()
        return
      }
      if (this.update === 'applying') location.reload()
      else this.update = 'elsewhere'
    })
    try {
      this.registration = await container.register(serviceWorkerUrl())
    } catch (error) {
      this.problem = registrationProblem(error)
      return
    }
    const registration = this.registration
    // a new build is ready once its worker has installed (it has precached everything) and waits
    const offerWhenInstalled = (next: ServiceWorker | null) =>
      next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && container.controller && this.update === 'none') this.update = 'ready'
      })
    if (registration.waiting && container.controller) this.update = 'ready'
    offerWhenInstalled(registration.installing) // found before this page asked
    registration.addEventListener('updatefound', () => offerWhenInstalled(registration.installing))
    if (container.controller) void this.keepCourse()
    setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS)
  }

  /**
   * The worker completes its copy of this build a few files at a time, whenever the page is idle and no
   * run is going on in any tab (on the first visit the course is some 18 MB: it must not slow a run down).
   * Stops when the copy is complete, or when a round keeps nothing more (offline: tried again next visit).
   */
  private async keepCourse(): Promise<void> {
    if (this.keeping) return
    this.keeping = true
    try {
      let before = -1
      for (;;) {
        await whenIdle()
        await untilNoRun()
        const status = await this.askForFiles()
        if (!status || status.cached >= status.files || status.cached === before) return
        before = status.cached
      }
    } finally {
      this.keeping = false
    }
  }

  /** one round of the fill; resolves with the status the worker then tells (null: no answer) */
  private askForFiles(): Promise<OfflineStatus | null> {
    const controller = navigator.serviceWorker.controller
    if (!controller) return Promise.resolve(null)
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), FILL_ANSWER_MS)
      this.statusWaiters.push((status) => {
        clearTimeout(timer)
        resolve(status)
      })
      controller.postMessage({ type: 'wirelab:precache', limit: FILL_BATCH })
    })
  }

  /** the learner chose to update: once no run is going on in any tab, the new build takes over and this tab reloads */
  async applyUpdate(): Promise<void> {
    const waiting = this.registration?.waiting
    if (!waiting) {
      location.reload()
      return
    }
    const take = async () => {
      // another tab updated while this one waited: this tab asked for the new build, so it reloads
      if (this.registration?.waiting !== waiting) return location.reload()
      this.update = 'applying'
      const changed = new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }))
      waiting.postMessage({ type: 'wirelab:update' })
      await changed // the controllerchange listener above reloads this tab
    }
    if (!navigator.locks) return take()
    await navigator.locks.request(RUN_LOCK, { mode: 'exclusive', ifAvailable: true }, async (lock) => {
      if (lock) return take()
      this.update = 'waiting'
      await navigator.locks.request(RUN_LOCK, { mode: 'exclusive' }, take)
    })
  }
}

const whenIdle = () =>
  new Promise<void>((resolve) => (globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 1)))(() => resolve(), { timeout: 5000 }))

/** resolves once no run holds the run lock in any tab of this site */
async function untilNoRun(): Promise<void> {
  const locks = navigator.locks
  if (!locks) return
  for (;;) {
    const { held = [] } = await locks.query()
    if (!held.some((lock) => lock.name === RUN_LOCK)) return
    // granted once every run has ended; released at once
    await locks.request(RUN_LOCK, { mode: 'exclusive' }, () => undefined)
  }
}

/** the one instance of the page */
export const courseWorker = new CourseWorker()
