// Playback in Node: the cursor every view reads (its runes compiled as on the page), and replay driven by
// animation frames whose times the test chooses.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Playback } from './playback.svelte.ts'
import type { TraceEvent } from '../sim/trace.ts'

const events = (n: number) => Array.from({ length: n }, (_, i) => ({ seq: i + 1, kind: 'server.log', t: i * 10, text: `e${i + 1}` }) as unknown as TraceEvent)

describe('Playback', () => {
  let frames: Array<(t: number) => void> = []
  beforeEach(() => {
    frames = []
    vi.stubGlobal('requestAnimationFrame', (fn: (t: number) => void) => frames.push(fn))
    vi.stubGlobal('cancelAnimationFrame', () => (frames = []))
    vi.spyOn(performance, 'now').mockReturnValue(0)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })
  /** the next animation frame, at real time `t` */
  const frameAt = (t: number) => frames.shift()?.(t)

  it('follows the run until a step is chosen; steps stay within the trace', () => {
    let trace = events(3)
    const playback = new Playback(() => trace)
    expect([playback.position, playback.current, playback.visible(trace).length]).toEqual([3, null, 3])
    trace = events(5)
    expect(playback.position).toBe(5)
    playback.goTo(2)
    expect(playback.current?.seq).toBe(2)
    expect(playback.visible(trace).map((e) => e.seq)).toEqual([1, 2])
    playback.back()
    playback.back()
    playback.back()
    expect(playback.position).toBe(0)
    playback.goTo(99)
    expect(playback.position).toBe(5)
    playback.follow()
    expect(playback.current).toBeNull()
  })

  it('replays one step per 600 ms of real time at 1×, twice as fast at 2×, and stops at the end', () => {
    const trace = events(4)
    const playback = new Playback(() => trace)
    playback.toStart()
    playback.play()
    expect(playback.playing).toBe(true)
    frameAt(599)
    expect(playback.position).toBe(0)
    frameAt(600)
    expect(playback.position).toBe(1)
    playback.speed = 2
    frameAt(900)
    expect(playback.position).toBe(2)
    frameAt(2000)
    expect(playback.position).toBe(4)
    expect(playback.playing).toBe(false)
    expect(frames).toEqual([])
  })

  it('play at the end starts again from the first step; toggle pauses', () => {
    const trace = events(2)
    const playback = new Playback(() => trace)
    playback.toEnd()
    playback.toggle()
    expect([playback.playing, playback.position]).toEqual([true, 0])
    playback.toggle()
    expect(playback.playing).toBe(false)
    frameAt(5000)
    expect(playback.position).toBe(0)
  })
})
