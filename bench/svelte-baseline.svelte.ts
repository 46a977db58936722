// The reference for a replay step: Svelte appending one empty element to an SVG, or removing it, timed
// as the bench times a step (the state change, Svelte's flush, then layout). `?rows=` sets how many
// empty elements the SVG holds already (the diagram draws about that many rows near the view).
// window.benchResult: the median and p95 of 40 steps, back and forth, and clearing all `rows`.
import { mount } from 'svelte'
import SvgAppend from './SvgAppend.svelte'

const ROWS = Number(new URLSearchParams(location.search).get('rows') ?? 60)
const props = $state({ count: ROWS })
mount(SvgAppend, { target: document.querySelector('#app')!, props })

async function step(count: number): Promise<number> {
  const t0 = performance.now()
  props.count = count
  await Promise.resolve()
  await new Promise<void>((resolve) => queueMicrotask(resolve))
  void document.body.offsetHeight // layout included
  const took = performance.now() - t0
  const shown = document.querySelectorAll('#app g').length
  if (shown !== count) throw new Error(`the reference drew ${shown} elements, not ${count}, by the time it was measured`)
  return took
}

const times: number[] = []
for (let i = 0; i < 40; i++) times.push(await step(i % 2 ? ROWS : ROWS + 1))
times.sort((a, b) => a - b)
const clear = await step(0)
;(window as unknown as { benchResult: { median: number; p95: number; clear: number } }).benchResult = {
  median: times[Math.floor(times.length / 2)]!,
  p95: times[Math.floor(times.length * 0.95)]!,
  clear,
}
