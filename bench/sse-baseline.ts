// The reference the bench compares Wirelab's SSE path with: a bare msw sse() handler sending N events
// as fast as it can to an EventSource in a dedicated worker (no simulation, no clock, no barrier).
import { setupWorker } from 'msw/browser'
import { sse } from 'msw'

const N = Number(new URLSearchParams(location.search).get('n') ?? 1000)
const worker = setupWorker(
  sse('/bench/sse', ({ client }) => {
    for (let i = 1; i <= N; i++) client.send({ id: String(i), data: `{"n":${i}}` })
  }),
)
await worker.start({ quiet: true, onUnhandledFrame: 'bypass' })
const counter = new Worker(new URL('./sse-baseline-worker.ts', import.meta.url), { type: 'module' })
const result = await new Promise<number>((resolve) => {
  counter.onmessage = (e: MessageEvent<number>) => resolve(e.data)
  counter.postMessage(N)
})
;(window as unknown as { benchResult: number }).benchResult = result
