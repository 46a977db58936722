// Starts msw in this page. Its service worker forwards every request of the page and of its dedicated
// workers here, where the handlers answer the learner's requests from the simulation.
import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers.ts'
import type { RunWire } from './run-wire.ts'

export class MockUnavailableError extends Error {}

export async function startMock(findRun: (runId: string) => RunWire | undefined): Promise<void> {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    throw new MockUnavailableError(
      'Wirelab needs a service worker to simulate the server, and this browser only allows one on https:// or on localhost / 127.0.0.1. Open Wirelab at http://127.0.0.1:… or over https.',
    )
  }
  const worker = setupWorker(...createHandlers(findRun))
  await worker.start({
    quiet: true,
    onUnhandledFrame: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
}
