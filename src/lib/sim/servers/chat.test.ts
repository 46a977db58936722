import { describe, expect, it } from 'vitest'
import { Simulation, type BalancerPolicy } from '../simulation.ts'
import { ChatServer } from './chat.ts'
import { connBase } from '../conn-name.ts'
import type { WsConnection } from '../ws-connection.ts'

/** Alice and Bob each open /chat once; Alice says hello when her socket opens */
function chatRun(options: { instances: number; broker: boolean; balancer?: BalancerPolicy; bobConnections?: number }) {
  const sim = new Simulation({
    host: 'wirelab.test',
    seed: 1,
    latencyMs: 50,
    clients: ['Alice', 'Bob'],
    instances: options.instances,
    balancer: options.balancer ?? 'round-robin',
    broker: options.broker ? { latencyMs: 1 } : null,
    createServer: (ctx) => new ChatServer(ctx, { script: [], pingIntervalMs: null }),
  })
  const heard: Record<string, string[]> = { Alice: [], Bob: [] }
  const open = (who: 'Alice' | 'Bob', n: number): WsConnection => {
    const key = connBase(who === 'Alice' ? 0 : 1, 2) + n
    let socket: WsConnection | null = null
    socket = sim.openWebSocket(
      { key, sentAt: 0, host: 'wirelab.test', target: '/chat', origin: 'http://wirelab.test', protocols: [] },
      {
        open: () => {
          if (who === 'Alice') sim.scheduler.at(sim.now, () => socket!.clientSend('hello'), { key })
        },
        message: (data) => heard[who]!.push(String(data)),
        error: () => undefined,
        close: () => undefined,
      },
    )
    return socket
  }
  open('Alice', 1)
  for (let n = 1; n <= (options.bobConnections ?? 1); n++) open('Bob', n)
  sim.scheduler.runDue(1000)
  return { sim, heard }
}

describe('several server instances behind a load balancer', () => {
  it('round-robin puts Alice on Server 1 and Bob on Server 2, and the trace names both ends', () => {
    const { sim } = chatRun({ instances: 2, broker: false })
    const upgrades = sim.trace.ofKind('http.request')
    expect(upgrades.map((e) => [e.conn, e.client, e.server])).toEqual([
      ['A1', 'Alice', 'Server 1'],
      ['B1', 'Bob', 'Server 2'],
    ])
    expect(upgrades[1]!.route).toMatch(/sends B1 to Server 2: round-robin/)
    // every later event on the connection names them too
    expect(sim.trace.ofKind('http.response').map((e) => [e.conn, e.status, e.client, e.server])).toEqual([
      ['A1', 101, 'Alice', 'Server 1'],
      ['B1', 101, 'Bob', 'Server 2'],
    ])
  })

  it('without a broker, state is per instance: Bob never hears Alice', () => {
    const { sim, heard } = chatRun({ instances: 2, broker: false })
    expect(heard.Alice).toEqual(['{"type":"chat","from":"A1","text":"hello"}'])
    expect(heard.Bob).toEqual([])
    expect(
      sim
        .serverStats()
        .filter((s) => s.id === 'received')
        .map((s) => [s.server, s.value]),
    ).toEqual([
      ['Server 1', 1],
      ['Server 2', 0],
    ])
  })

  it('with the broker, the message is published once and delivered to each instance, then to each client', () => {
    const { sim, heard } = chatRun({ instances: 2, broker: true })
    expect(heard.Bob).toEqual(['{"type":"chat","from":"A1","text":"hello"}'])
    expect(heard.Alice).toEqual(heard.Bob)
    const publish = sim.trace.ofKind('pubsub.publish')
    expect(publish.map((e) => [e.server, e.channel, e.receivers])).toEqual([['Server 1', 'chat', 2]])
    expect(publish[0]!.wire).toBe('*3\r\n$7\r\nPUBLISH\r\n$4\r\nchat\r\n$42\r\n{"type":"chat","from":"A1","text":"hello"}\r\n')
    expect(sim.trace.ofKind('pubsub.deliver').map((e) => e.server)).toEqual(['Server 1', 'Server 2'])
    // Alice's frame reaches Server 1 at 150 (open at 100 + 50); publish → broker 151 → instances 152 → clients 202
    const toBob = sim.trace.ofKind('ws.frame').find((e) => e.conn === 'B1' && e.opcodeName === 'text')!
    expect([toBob.t, toBob.arrives, toBob.server]).toEqual([152, 202, 'Server 2'])
  })

  it('sticky sessions keep a client on the instance it reached first', () => {
    const { sim } = chatRun({ instances: 2, broker: false, balancer: 'sticky', bobConnections: 3 })
    expect(sim.trace.ofKind('http.request').map((e) => `${e.conn}→${e.server}`)).toEqual(['A1→Server 1', 'B1→Server 2', 'B2→Server 2', 'B3→Server 2'])
  })

  it('restarting one instance loses only its connections', () => {
    const { sim } = chatRun({ instances: 2, broker: true })
    sim.scheduler.at(sim.now, () => sim.fault({ kind: 'restart-server', server: 2 }))
    sim.scheduler.runDue(2000)
    const faults = sim.trace.ofKind('fault')
    expect(faults.map((e) => e.description)).toEqual(['Server 2 restarts: its connections close and it loses its list of 1 connected client.'])
    expect(sim.trace.ofKind('conn.close').map((e) => e.conn)).toEqual(['B1'])
    expect(sim.openConnectionCount()).toBe(1)
  })
})
