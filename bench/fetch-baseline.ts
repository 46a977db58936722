// The reference for "click Run → first trace event" (the first run starts msw) and for the 100 held
// long polls: on a click, msw's service worker starts, as Wirelab's first Run starts it, then `?n=`
// fetches at once are answered by a bare msw handler (no simulation, no clock, no barrier).
// window.benchResult: real ms from the click to the first answer, and to the last.
import { setupWorker } from 'msw/browser'
import { http, HttpResponse } from 'msw'

const N = Number(new URLSearchParams(location.search).get('n') ?? 1)
document.querySelector('#go')!.addEventListener('click', async (event) => {
  const clickedAt = event.timeStamp
  const worker = setupWorker(http.get('/bench/ping', () => HttpResponse.json({ ok: true })))
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' })
  const answered = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      await (await fetch(`/bench/ping?i=${i}`)).json()
      return performance.now()
    }),
  )
  ;(window as unknown as { benchResult: { first: number; all: number } }).benchResult = {
    first: Math.min(...answered) - clickedAt,
    all: Math.max(...answered) - clickedAt,
  }
})
