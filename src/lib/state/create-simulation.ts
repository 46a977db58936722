// A lesson's scenario (front matter) becomes a fresh simulated world for one run.
import type { Scenario } from '../lesson/schema.ts'
import { Simulation } from '../sim/simulation.ts'
import { LiveScoreServer } from '../sim/servers/live-score.ts'

export function createSimulation(scenario: Scenario): Simulation {
  const { server } = scenario
  return new Simulation({
    seed: scenario.seed,
    latencyMs: scenario.latencyMs,
    createServer: (ctx) => {
      switch (server.kind) {
        case 'live-score':
          return new LiveScoreServer(ctx, server)
      }
    },
  })
}
