import { describe, expect, it } from 'vitest'
import { offlineUntil } from './offline.ts'
import { Simulation } from './simulation.ts'
import { LiveScoreServer } from './servers/live-score.ts'

function simulation() {
  return new Simulation({
    host: 'localhost',
    seed: 1,
    latencyMs: 50,
    createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'Lions', away: 'Tigers', updates: null, retryMs: null }),
  })
}

describe('offlineUntil', () => {
  it('is the moment the network is back while an offline fault lasts, and null before and after', () => {
    const sim = simulation()
    sim.scheduler.runDue(1000)
    expect(offlineUntil(sim.trace.events, sim.now)).toBeNull()
    sim.fault({ kind: 'offline', durationMs: 3000 })
    expect(offlineUntil(sim.trace.events, 1000)).toBe(4000)
    expect(offlineUntil(sim.trace.events, 999)).toBeNull()
    sim.scheduler.runDue(3999)
    expect(offlineUntil(sim.trace.events, sim.now)).toBe(4000)
    sim.scheduler.runDue(4000)
    expect(sim.trace.events.at(-1)).toMatchObject({ kind: 'fault', description: 'The network is back online.' })
    expect(offlineUntil(sim.trace.events, sim.now)).toBeNull()
  })

  it('follows the latest offline fault, as the simulation does', () => {
    const sim = simulation()
    sim.fault({ kind: 'offline', durationMs: 5000 })
    sim.scheduler.runDue(1000)
    sim.fault({ kind: 'offline', durationMs: 1000 }) // the network is back at 2 s, not 5 s
    expect(offlineUntil(sim.trace.events, 1500)).toBe(2000)
    expect(offlineUntil(sim.trace.events, 2000)).toBeNull()
  })

  it('ignores other faults', () => {
    const sim = simulation()
    sim.fault({ kind: 'drop-connections' })
    expect(offlineUntil(sim.trace.events, 0)).toBeNull()
  })
})
