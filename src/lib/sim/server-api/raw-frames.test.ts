// socket.sendRaw through the lesson server API: the bytes reach the wire as written and the simulated
// browser reads them as Chromium does (ws-connection.raw.test.ts has every invalid-frame case).
import { describe, expect, it } from 'vitest'
import { Simulation } from '../simulation.ts'
import { defineServer } from './define.ts'
import { LessonServer } from './lesson-server.ts'
import type { WsFrameEvent } from '../trace.ts'

const wire = defineServer({
  setup(server) {
    server.socket('/wire', {
      open: (socket) => socket.send('valid first'),
      message: (socket, data) => {
        // a text frame with RSV1 set: no extension was agreed, so the browser must fail the connection
        if (data === 'rsv') socket.sendRaw(Uint8Array.of(0xc1, 0x02, 0x68, 0x69))
        // a fragmented message written as two raw frames: valid, delivered whole
        if (data === 'fragments') socket.sendRaw(Uint8Array.of(0x01, 0x02, 0x68, 0x65, 0x80, 0x03, 0x6c, 0x6c, 0x6f))
      },
      close: (_socket, code, reason) => server.log(`closed ${code} ${reason}`),
    })
  },
})

function connect(say: string) {
  const sim = new Simulation({ host: 'h', seed: 1, latencyMs: 50, createServer: (ctx) => new LessonServer(ctx, wire, undefined) })
  const heard: string[] = []
  const socket = sim.openWebSocket(
    { key: 1, sentAt: 0, host: 'h', target: '/wire', origin: 'http://h', protocols: [] },
    {
      open: () => {
        heard.push(`${sim.now} open`)
        sim.scheduler.at(sim.now, () => socket.clientSend(say), { key: 1 })
      },
      message: (data) => heard.push(`${sim.now} message ${String(data)}`),
      error: () => heard.push(`${sim.now} error`),
      close: (code, _reason, wasClean) => heard.push(`${sim.now} close ${code} ${wasClean}`),
    },
  )
  sim.scheduler.runDue(2000)
  const frames = sim.trace.events.filter((e): e is WsFrameEvent => e.kind === 'ws.frame')
  const logs = sim.trace.events.flatMap((e) => (e.kind === 'server.log' ? [`${e.t} ${e.text}`] : []))
  return { heard, frames, logs }
}

describe('raw frames from a lesson server', () => {
  it('an invalid frame: the browser answers 1002 and drops the connection; the page gets error, then close 1006; the server hears 1002', () => {
    const { heard, frames, logs } = connect('rsv')
    expect(heard).toEqual(['100 open', '100 message valid first', '200 error', '200 close 1006 false'])
    const bad = frames.find((f) => f.invalid)!
    expect([bad.hex, bad.from, bad.invalid]).toEqual([
      'c1 02 68 69',
      'server',
      'RSV1 is set, but the handshake agreed on no extension that gives it a meaning (RFC 6455 §5.2).',
    ])
    expect(frames.at(-1)).toMatchObject({ from: 'client', opcodeName: 'close', closeCode: 1002, text: 'Invalid reserved bit' })
    expect(logs).toEqual(['250 closed 1002 Invalid reserved bit'])
  })

  it('valid raw fragments reach the page as one message', () => {
    const { heard, frames } = connect('fragments')
    expect(heard).toEqual(['100 open', '100 message valid first', '200 message hello'])
    expect(frames.filter((f) => f.from === 'server').map((f) => f.opcodeName)).toEqual(['text', 'text', 'continuation'])
  })
})
