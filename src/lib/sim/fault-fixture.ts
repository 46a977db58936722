// For tests: the fault events the real simulation writes when the learner presses a fault at 2 s.
import { Simulation, type Fault } from './simulation.ts'
import { LiveScoreServer } from './servers/live-score.ts'
import type { FaultEvent } from './trace.ts'

export function pressedFaultEvents(fault: Fault, instances = 1): FaultEvent[] {
  const sim = new Simulation({
    host: 'localhost',
    seed: 1,
    latencyMs: 50,
    instances,
    createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 1000, home: 'Lions', away: 'Tigers', updates: null, retryMs: null }),
  })
  sim.scheduler.runDue(2000)
  sim.fault(fault, 'learner')
  sim.scheduler.runDue(9000)
  return sim.trace.events.filter((e): e is FaultEvent => e.kind === 'fault')
}
