// The lab's model at scale (issue 16): run time of one recompute (the four techniques, as the lab page
// does when a slider moves) against clients × duration. Rows in bench.mjs's table format; run alone
// with `node scripts/bench-lab.mjs`. The goal: under 100 ms for 10 000 clients × 1 h, and time that
// grows linearly with the model's events (its cost per 1000 events stays level across rows).
import { createServer } from 'vite'

const REPEATS = 9
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** the rows: [what, measured, goal, verdict] */
export async function labModelRows() {
  const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'warn' })
  const { runModel } = await vite.ssrLoadModule('/src/lib/sim/lab/model.ts')
  const { makeWorkload } = await vite.ssrLoadModule('/src/lib/sim/lab/workload.ts')
  const { TECHNIQUES } = await vite.ssrLoadModule('/src/lib/sim/lab/reference-clients.ts')
  const { computePlot, computeScale } = await vite.ssrLoadModule('/src/lib/sim/lab/lab-compute.ts')
  await vite.close()
  const HOUR = 3_600_000
  // the busiest workload the sliders reach by default: a ticker at 60 updates a minute, polled every second
  const recompute = (clients, durationMs, workload) => {
    let events = 0
    for (const technique of TECHNIQUES)
      events += runModel({
        technique,
        workload,
        clients,
        pollIntervalMs: 1000,
        holdTimeoutMs: 30_000,
        latencyMs: 50,
        proxyIdleTimeoutMs: null,
        durationMs,
      }).events
    return events
  }
  const cases = [
    [100, HOUR],
    [1000, HOUR],
    [10_000, HOUR],
    [10_000, HOUR / 4],
    [10_000, 4 * HOUR],
  ]
  const measured = cases.map(([clients, durationMs]) => {
    const workload = makeWorkload('ticker', 60, durationMs, 1)
    for (let i = 0; i < 3; i++) recompute(clients, durationMs, workload) // warm the JIT
    const times = []
    let events = 0
    for (let i = 0; i < REPEATS; i++) {
      // CPU time of this process, not wall time: the machine is shared, and other processes' load would
      // show as our time (one thread runs the model, so CPU time is its run time)
      const t0 = process.cpuUsage()
      events = recompute(clients, durationMs, workload)
      const used = process.cpuUsage(t0)
      times.push((used.user + used.system) / 1000)
    }
    return { clients, durationMs, events, ms: median(times), cohorts: Math.min(clients, 32) }
  })
  // the plot the page recomputes after the bars: 14 rates × 4 techniques (4 start times each), its
  // workloads already made (as when any slider but the rate moves)
  const plotSettings = {
    workload: 'ticker',
    perMinute: 60,
    clients: 10_000,
    pollIntervalMs: 1000,
    holdTimeoutMs: 30_000,
    rttMs: 100,
    proxyIdleTimeoutMs: null,
    durationMs: HOUR,
    seed: 1,
  }
  const plotScale = computeScale(plotSettings)
  for (let i = 0; i < 2; i++) computePlot(plotSettings, plotScale)
  const plotTimes = []
  for (let i = 0; i < REPEATS; i++) {
    const t0 = process.cpuUsage()
    computePlot(plotSettings, plotScale)
    const used = process.cpuUsage(t0)
    plotTimes.push((used.user + used.system) / 1000)
  }
  const plotRow = [
    `Lab plot: 14 rates × 4 techniques, 10,000 clients × 1 h (ticker, 1 s poll; workloads cached; CPU time, median of ${REPEATS})`,
    `${median(plotTimes).toFixed(1)} ms`,
    'in the worker, after the bars',
    '',
  ]
  const perK = (m) => (m.ms / m.events) * 1000
  const reference = perK(measured[2])
  const rows = measured.map((m) => {
    const what = `Lab model: one recompute (4 techniques), ${m.clients.toLocaleString('en')} clients × ${m.durationMs / HOUR} h (ticker 60/min, 1 s poll; CPU time, median of ${REPEATS})`
    const value = `${m.ms.toFixed(1)} ms, ${m.events.toLocaleString('en')} events (${m.cohorts} cohorts), ${perK(m).toFixed(3)} ms per 1000`
    const isGoal = m.clients === 10_000 && m.durationMs === HOUR
    const ratio = perK(m) / reference
    return [
      what,
      value,
      isGoal ? '≤ 100 ms' : 'linear: per-1000 cost level',
      isGoal ? (m.ms <= 100 ? 'meets goal' : 'OVER GOAL') : `${ratio <= 2 && ratio >= 0.5 ? 'level' : 'NOT LEVEL'}, ×${ratio.toFixed(2)} the 10 000 × 1 h row`,
    ]
  })
  return [...rows, plotRow]
}

/** prints rows as bench.mjs does */
export function printRows(rows) {
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['what', 'measured', 'goal', ''][c].length))
  const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`
  console.log(line(['what', 'measured', 'goal', '']))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  rows.forEach((r) => console.log(line(r)))
}

if (import.meta.url === `file://${process.argv[1]}`) printRows(await labModelRows())
