// Starts msw in this page, through Wirelab's service worker (sw.js, which imports msw's). The service
// worker sends each tagged learner request to the tab that owns the run, where the handlers answer it
// from the simulation. Returns this tab's id at the service worker: runs are named after it.
import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers.ts'
import type { RunWire } from '../crossing/run-wire.ts'
import { serviceWorkerUrl } from '../offline/offline-support.ts'

export class MockUnavailableError extends Error {}

/** the page's one msw (one per page: msw's WebSocket interception can be installed only once) */
let worker: ReturnType<typeof setupWorker> | null = null
let tab = ''

/**
 * Starts msw, or starts it again with a new service worker (a new build took over: msw still talks to
 * the old one, which is gone, so its goodbye is not waited for).
 */
export async function startMock(findRun: (runId: string) => RunWire | undefined): Promise<string> {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    throw new MockUnavailableError(
      'Wirelab needs a service worker to simulate the server, and this browser only allows one on https:// or on localhost / 127.0.0.1. Open Wirelab at http://127.0.0.1:… or over https.',
    )
  }
  await untilClaimed()
  worker ??= setupWorker(...createHandlers(findRun, () => tab))
  if (worker.readyState === 1) void Promise.resolve(worker.stop()).catch(() => undefined)
  await worker.start({
    quiet: true,
    onUnhandledFrame: 'bypass',
    serviceWorker: { url: serviceWorkerUrl() },
  })
  tab = await whoAmI()
  return tab
}

/**
 * The page registers the service worker at load (for the offline copy). On a first visit, a Run pressed
 * while that worker is still installing would find a registration but no controller, and msw reloads the
 * page then: wait until the new worker has taken control of this tab instead.
 */
async function untilClaimed(timeoutMs = 10_000): Promise<void> {
  if (navigator.serviceWorker.controller) return
  const registration = await navigator.serviceWorker.getRegistration(serviceWorkerUrl())
  const first = registration && !registration.active ? (registration.installing ?? registration.waiting) : registration?.active
  if (!first || first.state === 'activated' || first.state === 'redundant') return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}

/** this tab's client id, as the service worker knows it; throws when no service worker answers */
export async function whoAmI(timeoutMs = 3000): Promise<string> {
  const controller = navigator.serviceWorker.controller
  if (!controller) throw new MockUnavailableError('No service worker controls this tab (site data may have been cleared). Reload the page to start it again.')
  const channel = new MessageChannel()
  const answer = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new MockUnavailableError('The service worker did not answer. Reload the page to start it again.')), timeoutMs)
    channel.port1.onmessage = (event: MessageEvent<{ id?: unknown }>) => {
      clearTimeout(timer)
      const id = event.data?.id
      if (typeof id === 'string' && /^[0-9a-f-]{8,64}$/i.test(id)) resolve(id)
      else reject(new MockUnavailableError('The service worker answered with no tab id. Reload the page.'))
    }
  })
  controller.postMessage({ type: 'wirelab:whoami' }, [channel.port2])
  return answer
}
