import { describe, expect, it } from 'vitest'
import { Simulation, type Fault } from '../sim/simulation.ts'
import { ChatServer } from '../sim/servers/chat.ts'
import { pressedFaults } from './pressed-faults.ts'

/** a run where the learner presses `faults` at 500 ms apart, one WebSocket open */
function pressed(faults: Fault[], instances = 1) {
  const sim = new Simulation({
    host: 'wirelab.test',
    seed: 1,
    latencyMs: 50,
    instances,
    createServer: (ctx) => new ChatServer(ctx, { script: [], pingIntervalMs: null }),
  })
  const open = () =>
    sim.openWebSocket(
      { key: 1, sentAt: sim.now, host: 'wirelab.test', target: '/chat', origin: 'http://wirelab.test', protocols: [] },
      { open: () => {}, message: () => {}, error: () => {}, close: () => {} },
    )
  open()
  faults.forEach((f, i) => sim.scheduler.at(500 * (i + 1), () => sim.fault(f, 'learner')))
  sim.scheduler.runDue(500 * (faults.length + 1) + 5000)
  return pressedFaults(sim.trace.events)
}

describe('the faults the learner pressed, named as their buttons', () => {
  it('names each kind, and leaves out the end of a fault (a path recovering, a server up again, the network back)', () => {
    expect(
      pressed([
        { kind: 'silent', durationMs: 100 },
        { kind: 'restart-server', downMs: 100 },
        { kind: 'offline', durationMs: 100 },
        { kind: 'drop-connections' },
        { kind: 'restart-server' },
      ]),
    ).toEqual([
      { t: 500, label: 'Go silent' },
      { t: 1000, label: 'Server down' },
      { t: 1500, label: 'Offline' },
      { t: 2000, label: 'Drop connections' },
      { t: 2500, label: 'Restart server' },
    ])
  })

  it('names the instance that restarted, with several', () => {
    expect(
      pressed(
        [
          { kind: 'restart-server', server: 2, downMs: 100 },
          { kind: 'restart-server', server: 1 },
        ],
        2,
      ),
    ).toEqual([
      { t: 500, label: 'Server 2 down' },
      { t: 1000, label: 'Restart Server 1' },
    ])
  })

  it('names the connection when one was silenced or dropped', () => {
    expect(
      pressed([
        { kind: 'silent', conn: 'c1' },
        { kind: 'drop-connection', conn: 'c1' },
      ]),
    ).toEqual([
      { t: 500, label: 'Silence c1' },
      { t: 1000, label: 'Drop c1' },
    ])
  })
})
