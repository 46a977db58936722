// A WebSocket that ends while still CONNECTING (the learner's close(), or a dropped network) gets error
// and close 1006 once, and nothing happens on it afterwards: no 101, no pings or pongs, no open or
// message for the learner's code (WHATWG WebSockets "close()", RFC 6455 §7.1.7 "Fail the WebSocket
// Connection").
import { describe, expect, it } from 'vitest'
import { Simulation } from './simulation.ts'
import { ChatServer } from './servers/chat.ts'
import type { WsConnection } from './ws-connection.ts'

function chat(script: Array<{ atMs: number; from: string; text: string }> = []) {
  const sim = new Simulation({
    host: 'wirelab.test',
    seed: 1,
    latencyMs: 50,
    createServer: (ctx) => new ChatServer(ctx, { script, pingIntervalMs: 100 }),
  })
  const heard: string[] = []
  const socket: WsConnection = sim.openWebSocket(
    { key: 1, sentAt: 0, host: 'wirelab.test', target: '/chat', origin: 'http://wirelab.test', protocols: [] },
    {
      open: () => heard.push(`${sim.now} open`),
      message: (data) => heard.push(`${sim.now} message ${String(data)}`),
      error: () => heard.push(`${sim.now} error`),
      close: (code, _reason, wasClean) => heard.push(`${sim.now} close ${code} ${wasClean}`),
    },
  )
  const trace = () =>
    sim.trace.events.map(
      (e) => `${e.kind}${e.kind === 'http.response' ? ` ${e.status}` : ''}${e.kind === 'ws.frame' ? ` ${e.opcodeName}` : ''} ${e.from}@${e.t}→${e.arrives}`,
    )
  const clients = () => sim.serverStats().find((s) => s.id === 'clients')!.value
  return { sim, socket, heard, trace, clients }
}

describe('a WebSocket that ends while CONNECTING', () => {
  it("closed by the learner's code before the request reaches the server: the server never answers", () => {
    const { sim, socket, heard, trace, clients } = chat([{ atMs: 30, from: 'Bob', text: 'hi' }])
    sim.scheduler.at(10, () => socket.clientClose(1000, ''), { key: 1 })
    sim.scheduler.runDue(2000)
    expect(trace()).toEqual(['http.request client@0→50', 'conn.close client@10→60'])
    expect(heard).toEqual(['10 error', '10 close 1006 false'])
    expect(clients()).toBe(0)
    expect(sim.openConnectionCount()).toBe(0)
  })

  it('closed while the 101 is on its way: no open, no message, no ping or pong afterwards; the server forgets the client', () => {
    const { sim, socket, heard, trace, clients } = chat([{ atMs: 60, from: 'Bob', text: 'hi' }])
    // the request reaches the server at 50 and the 101 leaves at once (arriving at 100); Bob speaks at 60
    sim.scheduler.at(70, () => socket.clientClose(1000, ''), { key: 1 })
    sim.scheduler.runDue(2000)
    expect(trace()).toEqual(['http.request client@0→50', 'http.response 101 server@50→100', 'ws.frame text server@60→110', 'conn.close client@70→120'])
    expect(heard).toEqual(['70 error', '70 close 1006 false'])
    expect(clients()).toBe(0)
  })

  it('dropped by the network before the server answers: a lost connection, and nothing after it', () => {
    const { sim, heard, trace } = chat()
    sim.scheduler.at(20, () => sim.fault({ kind: 'drop-connections' }))
    sim.scheduler.runDue(2000)
    expect(trace()).toEqual(['http.request client@0→50', 'fault network@20→20', 'conn.close network@20→70'])
    expect(heard).toEqual(['70 error', '70 close 1006 false'])
  })

  it('a close after the open is a closing handshake as before, and the heartbeat stops with it', () => {
    // the ping that crossed the client's close frame is still answered: the client has not received the server's close yet (RFC 6455 §5.5.2)
    const { sim, socket, heard, trace } = chat()
    sim.scheduler.at(150, () => socket.clientClose(1000, 'bye'), { key: 1 })
    sim.scheduler.runDue(2000)
    expect(trace()).toEqual([
      'http.request client@0→50',
      'http.response 101 server@50→100',
      'ws.frame ping server@150→200',
      'ws.frame close client@150→200',
      'ws.frame pong client@200→250',
      'ws.frame close server@200→250',
    ])
    expect(heard).toEqual(['100 open', '250 close 1000 true'])
  })
})
