// The 10 002-event trace both benches replay: made by the simulation in Node (an SSE stream, an event
// every 100 ms for 1000 s) and written as a trace file the page can open. One place, so
// scripts/bench.mjs and scripts/bench-replay.mjs measure the same trace.
import { writeFileSync } from 'node:fs'
import { createServer } from 'vite'

/** writes the trace to `file` */
export async function writeBenchTrace(file) {
  const nodeVite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'warn' })
  try {
    const { Simulation } = await nodeVite.ssrLoadModule('/src/lib/sim/simulation.ts')
    const { LiveScoreServer } = await nodeVite.ssrLoadModule('/src/lib/sim/servers/live-score.ts')
    const { traceToJson } = await nodeVite.ssrLoadModule('/src/lib/components/replay/export-trace.ts')
    const sim = new Simulation({
      host: 'h',
      seed: 1,
      latencyMs: 50,
      createServer: (ctx) => new LiveScoreServer(ctx, { intervalMs: 100, home: 'A', away: 'B', updates: null, retryMs: null }),
    })
    sim.receive({ key: 1, sentAt: 0, method: 'GET', host: 'h', target: '/api/stream', headers: [], api: 'EventSource' })
    sim.scheduler.runDue(1_000_000)
    writeFileSync(file, traceToJson(sim.trace.events))
  } finally {
    await nodeVite.close()
  }
}
