// The page's side of Wirelab's service worker: registers it at load (it keeps the course for offline use
// and is the same script msw uses), follows how complete the offline copy is, and offers a new build when
// one is waiting. An update is never forced: the learner presses "Reload to update", it waits for every
// run in every tab to end (a Web Lock all runs share), and only the tab that asked reloads.
import { parseOfflineStatus, registrationProblem, RUN_LOCK, serviceWorkerProblem, serviceWorkerUrl, type OfflineStatus } from './offline-support.ts'

/** none; ready: a new build waits for the learner; waiting: it waits for runs to end; applying; elsewhere: another tab updated */
export type UpdateState = 'none' | 'ready' | 'waiting' | 'applying' | 'elsewhere'

/** how often a tab left open asks the host for a new build */
const UPDATE_CHECK_MS = 30 * 60_000

export class CourseWorker {
  /** why there is no service worker here (and so no Run and no offline copy), with what to do */
  problem = $state<string | null>(null)
  status = $state<OfflineStatus | null>(null)
  update = $state<UpdateState>('none')
  /** a lazy part of the page failed to load (offline before it was kept, or an old build's file) */
  chunkMissing = $state(false)
  private registration: ServiceWorkerRegistration | null = null
  private started = false

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
      if (status) this.status = status
    })
    container.addEventListener('controllerchange', () => {
      if (!hadController) {
        // the first visit's worker took control: now it can keep the course
        hadController = true
        this.askForOfflineCopy()
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
    if (container.controller) this.askForOfflineCopy()
    setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS)
  }

  /** the worker completes its copy of this build (files the page has not loaded yet) and says how it stands */
  private askForOfflineCopy(): void {
    navigator.serviceWorker.controller?.postMessage({ type: 'wirelab:precache' })
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

/** the one instance of the page */
export const courseWorker = new CourseWorker()
