// Starts msw in this page, through Wirelab's service worker (sw.js, which imports msw's). The service
// worker sends each tagged learner request to the tab that owns the run, where the handlers answer it
// from the simulation. Returns this tab's id at the service worker: runs are named after it.
import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers.ts'
import type { RunWire } from '../crossing/run-wire.ts'

export class MockUnavailableError extends Error {}

export async function startMock(findRun: (runId: string) => RunWire | undefined): Promise<string> {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    throw new MockUnavailableError(
      'Wirelab needs a service worker to simulate the server, and this browser only allows one on https:// or on localhost / 127.0.0.1. Open Wirelab at http://127.0.0.1:… or over https.',
    )
  }
  let tab = ''
  const worker = setupWorker(...createHandlers(findRun, () => tab))
  await worker.start({
    quiet: true,
    onUnhandledFrame: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}sw.js` },
  })
  tab = await whoAmI()
  return tab
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
