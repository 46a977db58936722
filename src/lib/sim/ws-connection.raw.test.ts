// A lesson server that writes raw bytes (ServerSocket.sendRaw): the simulated browser reads them as
// Chromium does. A valid frame is delivered as usual (fragments put together); an invalid one fails the
// connection: the browser sends the close code RFC 6455 gives (when it still may send a close frame),
// drops the TCP connection (§7.1.7), and the page gets error, then close 1006 with wasClean false
// (WHATWG WebSockets "fail the WebSocket connection": no close frame was received).
import { describe, expect, it } from 'vitest'
import { Simulation } from './simulation.ts'
import { closePayload, encodeFrame, Opcode, type Frame } from './websocket.ts'
import type { ServerSocket, WsConnection } from './ws-connection.ts'

const utf8 = (s: string) => new TextEncoder().encode(s)
const bytes = (...b: number[]) => Uint8Array.from(b)
const f = (opcode: number, payload: Uint8Array = new Uint8Array(), more: Partial<Frame> = {}): Uint8Array =>
  encodeFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode, maskKey: null, payload, ...more })

/** one WebSocket to a server that runs `script` once it has accepted (at 50; the 101 reaches the browser at 100) */
function raw(script: (socket: ServerSocket, sim: Simulation) => void) {
  const heard: string[] = []
  const server: string[] = []
  const sim: Simulation = new Simulation({
    host: 'wirelab.test',
    seed: 1,
    latencyMs: 50,
    createServer: () => ({
      endpoints: ['WebSocket /raw'],
      handle: (_request, response) => response.respond(404, ''),
      acceptWebSocket: (_target, _protocols, socket) => {
        socket.onMessage((data) => server.push(`${sim.now} message ${String(data)}`))
        socket.onClose((code, reason) => server.push(`${sim.now} close ${code}${reason ? ` ${reason}` : ''}`))
        // right after the 101 has left (a socket can write once its handshake is answered)
        sim.scheduler.at(sim.now, () => script(socket, sim))
        return { protocol: '' }
      },
    }),
  })
  const socket: WsConnection = sim.openWebSocket(
    { key: 1, sentAt: 0, host: 'wirelab.test', target: '/raw', origin: 'http://wirelab.test', protocols: [] },
    {
      open: () => heard.push(`${sim.now} open`),
      message: (data, seq) => heard.push(`${sim.now} message ${typeof data === 'string' ? data : `[${[...data].join(',')}]`} (seq ${seq})`),
      error: (seq) => heard.push(`${sim.now} error (seq ${seq})`),
      close: (code, reason, wasClean, seq) => heard.push(`${sim.now} close ${code}${reason ? ` ${reason}` : ''} ${wasClean} (seq ${seq})`),
    },
  )
  const trace = () =>
    sim.trace.events
      .filter((e) => e.kind === 'ws.frame' || e.kind === 'conn.close')
      .map((e) => {
        if (e.kind === 'conn.close') return `#${e.seq} conn.close ${e.from}@${e.t}→${e.arrives}`
        const close = e.opcodeName === 'close' ? ` ${e.closeCode ?? '(no code)'}${e.text ? ` "${e.text}"` : ''}` : ''
        return `#${e.seq} ${e.opcodeName}${close} ${e.from}@${e.t}→${e.arrives}${e.invalid ? ' INVALID' : ''}`
      })
  return { sim, socket, heard, server, trace, run: (until = 5000) => sim.scheduler.runDue(until) }
}

describe('an invalid frame from the server fails the connection with the code RFC 6455 gives', () => {
  const cases: Array<{ name: string; frame: Uint8Array; code: number; reason: string; why: string }> = [
    {
      name: 'RSV1 set without an extension',
      frame: f(Opcode.text, utf8('hi'), { rsv1: true }),
      code: 1002,
      reason: 'Invalid reserved bit',
      why: 'RSV1 is set, but the handshake agreed on no extension that gives it a meaning (RFC 6455 §5.2).',
    },
    {
      name: 'RSV3 set on a ping',
      frame: f(Opcode.ping, utf8('hi'), { rsv3: true }),
      code: 1002,
      reason: 'Invalid reserved bit',
      why: 'RSV3 is set, but the handshake agreed on no extension that gives it a meaning (RFC 6455 §5.2).',
    },
    {
      name: 'a reserved data opcode (0x3)',
      frame: f(0x3, utf8('hi')),
      code: 1002,
      reason: 'Unknown opcode',
      why: 'Opcode 0x3 is reserved: RFC 6455 §5.2 defines 0x0–0x2 and 0x8–0xA, and a receiver must fail the connection on any other.',
    },
    {
      name: 'a reserved control opcode (0xB)',
      frame: f(0xb),
      code: 1002,
      reason: 'Unknown opcode',
      why: 'Opcode 0xB is reserved: RFC 6455 §5.2 defines 0x0–0x2 and 0x8–0xA, and a receiver must fail the connection on any other.',
    },
    {
      name: 'a ping over 125 bytes',
      frame: f(Opcode.ping, new Uint8Array(126)),
      code: 1002,
      reason: 'WebSocket Protocol Error',
      why: 'A ping frame with 126 bytes of payload: control frames carry at most 125 (RFC 6455 §5.5).',
    },
    {
      name: 'a fragmented ping',
      frame: f(Opcode.ping, utf8('hb'), { fin: false }),
      code: 1002,
      reason: 'WebSocket Protocol Error',
      why: 'A ping frame with FIN = 0: control frames must not be fragmented (RFC 6455 §5.5).',
    },
    {
      name: 'a masked server frame',
      frame: f(Opcode.text, utf8('hi'), { maskKey: bytes(9, 8, 7, 6) }),
      code: 1002,
      reason: 'Masked frame from server',
      why: 'The frame is masked: a server must not mask its frames, and a client that receives a masked frame must close the connection (RFC 6455 §5.1).',
    },
    {
      name: 'a close frame with a 1-byte body',
      frame: f(Opcode.close, bytes(0x03)),
      code: 1002,
      reason: '',
      why: 'A close frame with a 1-byte body: the body is either empty or starts with a 2-byte status code (RFC 6455 §5.5.1).',
    },
    {
      name: 'a close frame with code 1005',
      frame: f(Opcode.close, closePayload(1005)),
      code: 1002,
      reason: '',
      why: 'A close frame with code 1005, which may not be sent in a close frame: 1005 only reports a close to the application (no status received: the close frame carried no code) and is never sent (RFC 6455 §7.4).',
    },
    {
      name: 'a close frame with code 1006',
      frame: f(Opcode.close, closePayload(1006)),
      code: 1002,
      reason: '',
      why: 'A close frame with code 1006, which may not be sent in a close frame: 1006 only reports a close to the application (abnormal closure: the connection was lost without a close frame) and is never sent (RFC 6455 §7.4).',
    },
    {
      name: 'a close frame with code 1015',
      frame: f(Opcode.close, closePayload(1015)),
      code: 1002,
      reason: '',
      why: 'A close frame with code 1015, which may not be sent in a close frame: 1015 only reports a close to the application (TLS handshake failure) and is never sent (RFC 6455 §7.4).',
    },
    {
      name: 'a close frame with code 999',
      frame: f(Opcode.close, closePayload(999)),
      code: 1002,
      reason: '',
      why: 'A close frame with code 999, which may not be sent in a close frame: codes 0–999 are not used (RFC 6455 §7.4).',
    },
    {
      name: 'invalid UTF-8 in a text frame',
      frame: f(Opcode.text, bytes(0x68, 0xc3, 0x28)),
      code: 1007,
      reason: 'Invalid UTF-8 in text frame',
      why: 'The text message is not valid UTF-8: a text message must be (RFC 6455 §5.6, §8.1).',
    },
    {
      name: 'invalid UTF-8 in a close reason',
      frame: f(Opcode.close, bytes(0x03, 0xe8, 0xc0, 0xaf)),
      code: 1007,
      reason: 'Invalid UTF-8 in Close frame',
      why: "The close frame's reason is not valid UTF-8: it must be (RFC 6455 §5.5.1, §8.1).",
    },
    {
      name: 'a continuation with no message started',
      frame: f(Opcode.continuation, utf8('x')),
      code: 1002,
      reason: 'Unexpected continuation',
      why: 'A continuation frame, but no fragmented message is in progress: a message starts with a text or binary frame (RFC 6455 §5.4).',
    },
    {
      name: 'a length not in its shortest form',
      frame: bytes(0x81, 126, 0, 2, 0x68, 0x69),
      code: 1002,
      reason: 'WebSocket Protocol Error',
      why: 'The 16-bit extended length holds 2, which fits the 7-bit length field: the length must be encoded in the fewest bytes (RFC 6455 §5.2).',
    },
  ]

  it.each(cases)('$name: close frame $code, then the TCP connection is dropped; the page gets error, then close 1006', ({ frame, code, reason, why }) => {
    const { heard, server, trace, sim, run } = raw((socket) => socket.sendRaw(frame))
    run()
    const [bad, answer, drop] = trace()
    expect(bad).toMatch(/^#3 \S+.* server@50→100 INVALID$/)
    expect(answer).toBe(`#4 close ${code}${reason ? ` "${reason}"` : ''} client@100→150`)
    expect(drop).toBe('#5 conn.close client@100→150')
    expect(trace()).toHaveLength(3)
    // the page hears of it at once, caused by the invalid frame
    expect(heard).toEqual(['100 open', '100 error (seq 3)', '100 close 1006 false (seq 3)'])
    // the server gets the close frame with the end of the connection behind it, and does not answer
    expect(server).toEqual([`150 close ${code}${reason ? ` ${reason}` : ''}`])
    // the trace says what is wrong with the frame, and the browser's drop says why it failed the connection
    const [, , invalid, , dropped] = sim.trace.events
    expect(invalid!.kind === 'ws.frame' && invalid.invalid).toBe(why)
    expect(dropped!.kind === 'conn.close' && dropped.reason).toBe(
      `The browser failed the WebSocket connection: ${why} It sent a close frame with ${code} (${code === 1002 ? 'protocol error' : 'invalid payload data'}) and dropped the TCP connection without waiting for an answer (RFC 6455 §7.1.7). The page gets error, then close with code 1006 (abnormal closure, wasClean false).`,
    )
    // the bytes on the wire are exactly the ones written
    const event = sim.trace.events[2]!
    expect(event.kind === 'ws.frame' && event.hex).toBe([...frame].map((b) => b.toString(16).padStart(2, '0')).join(' '))
    expect(sim.openConnectionCount()).toBe(0)
  })

  it('says why in the trace: the invalid frame, the browser’s close frame, and the dropped connection', () => {
    const { sim, run } = raw((socket) => socket.sendRaw(f(Opcode.text, utf8('hi'), { rsv1: true })))
    run()
    const [, , bad, answer, drop] = sim.trace.events
    expect(bad).toMatchObject({ kind: 'ws.frame', from: 'server', rsv: [true, false, false], opcodeName: 'text', text: 'hi' })
    expect(bad!.kind === 'ws.frame' && bad.invalid).toBe('RSV1 is set, but the handshake agreed on no extension that gives it a meaning (RFC 6455 §5.2).')
    expect(answer).toMatchObject({ kind: 'ws.frame', from: 'client', opcodeName: 'close', closeCode: 1002, text: 'Invalid reserved bit' })
    expect(answer!.kind === 'ws.frame' && answer.maskKey).toMatch(/^[0-9a-f]{2}( [0-9a-f]{2}){3}$/)
    expect(drop!.kind === 'conn.close' && drop.reason).toBe(
      'The browser failed the WebSocket connection: RSV1 is set, but the handshake agreed on no extension that gives it a meaning (RFC 6455 §5.2). ' +
        'It sent a close frame with 1002 (protocol error) and dropped the TCP connection without waiting for an answer (RFC 6455 §7.1.7). ' +
        'The page gets error, then close with code 1006 (abnormal closure, wasClean false).',
    )
  })

  it('a frame longer than Chromium takes: the connection is dropped without a close frame, on its header alone', () => {
    const { heard, server, trace, run } = raw((socket) => socket.sendRaw(bytes(0x82, 127, 0, 0, 0, 0, 0x80, 0, 0, 0, 1, 2, 3)))
    run()
    expect(trace()).toEqual(['#3 binary server@50→100 INVALID', '#4 conn.close client@100→150'])
    expect(heard).toEqual(['100 open', '100 error (seq 3)', '100 close 1006 false (seq 3)'])
    expect(server).toEqual(['150 close 1006'])
  })

  it('nothing that arrives after the failure reaches the page, and the server stops once it knows', () => {
    const { heard, trace, run, sim } = raw((socket, sim) => {
      socket.sendRaw(f(0x3))
      sim.scheduler.at(120, () => socket.send('still there?'))
      sim.scheduler.at(200, () => socket.send('hello?'))
    })
    run()
    expect(trace()).toEqual([
      '#3 reserved server@50→100 INVALID',
      '#4 close 1002 "Unknown opcode" client@100→150',
      '#5 conn.close client@100→150',
      '#6 text server@120→170',
    ])
    expect(heard).toEqual(['100 open', '100 error (seq 3)', '100 close 1006 false (seq 3)'])
    expect(sim.trace.events.at(-1)).toMatchObject({ kind: 'ws.frame', text: 'still there?' })
  })

  it('after the learner’s close the browser may not send another close frame: it just drops the connection', () => {
    const { heard, server, trace, run, sim, socket } = raw((s, sim) => sim.scheduler.at(140, () => s.sendRaw(f(Opcode.text, utf8('x'), { rsv2: true }))))
    sim.scheduler.at(120, () => socket.clientClose(1000, 'bye'), { key: 1 })
    run()
    expect(trace()).toEqual([
      '#3 close 1000 "bye" client@120→170',
      '#4 text server@140→190 INVALID',
      '#5 close 1000 "bye" server@170→220',
      '#6 conn.close client@190→240',
    ])
    expect(heard).toEqual(['100 open', '190 error (seq 4)', '190 close 1006 false (seq 4)'])
    expect(server).toEqual(['170 close 1000 bye'])
  })

  it('a frame after the server’s own close frame: dropped without a second close frame, and the clean close is lost', () => {
    const { heard, server, trace, run } = raw((socket) =>
      socket.sendRaw(new Uint8Array([...f(Opcode.close, closePayload(1000)), ...f(Opcode.text, utf8('late'))])),
    )
    run()
    expect(trace()).toEqual(['#3 close 1000 server@50→100', '#4 text server@50→100 INVALID', '#5 close 1000 client@100→150', '#6 conn.close client@100→150'])
    expect(heard).toEqual(['100 open', '100 error (seq 4)', '100 close 1006 false (seq 4)'])
    expect(server).toEqual(['150 close 1000'])
  })

  it('invalid UTF-8 after the learner’s close is dropped unread (Chromium reads no data once it has sent its close)', () => {
    const { heard, trace, run, sim, socket } = raw((s, sim) => sim.scheduler.at(140, () => s.sendRaw(f(Opcode.text, bytes(0xff)))))
    sim.scheduler.at(120, () => socket.clientClose(1000, ''), { key: 1 })
    run()
    expect(trace()).toEqual(['#3 close 1000 client@120→170', '#4 text server@140→190 INVALID', '#5 close 1000 server@170→220'])
    expect(heard).toEqual(['100 open', '220 close 1000 true (seq 5)'])
  })
})

describe('valid frames written raw', () => {
  it('a fragmented message reaches the page whole with its final fragment; a ping between fragments is answered', () => {
    const { heard, trace, run } = raw((socket, sim) => {
      socket.sendRaw(f(Opcode.text, utf8('Hel'), { fin: false }))
      sim.scheduler.at(60, () => socket.sendRaw(f(Opcode.ping, utf8('hb'))))
      sim.scheduler.at(70, () => socket.sendRaw(new Uint8Array([...f(Opcode.continuation, utf8('lo'), { fin: false }), ...f(Opcode.continuation, utf8(' ✓'))])))
    })
    run()
    expect(trace()).toEqual([
      '#3 text server@50→100',
      '#4 ping server@60→110',
      '#5 continuation server@70→120',
      '#6 continuation server@70→120',
      '#7 pong client@110→160',
    ])
    expect(heard).toEqual(['100 open', '120 message Hello ✓ (seq 6)'])
  })

  it('a frame written in pieces is read (and traced) once its last byte is written', () => {
    const frame = f(Opcode.binary, bytes(1, 2, 3))
    const { heard, trace, run } = raw((socket, sim) => {
      socket.sendRaw(frame.slice(0, 3))
      sim.scheduler.at(80, () => socket.sendRaw(frame.slice(3)))
    })
    run()
    expect(trace()).toEqual(['#3 binary server@80→130'])
    expect(heard).toEqual(['100 open', '130 message [1,2,3] (seq 3)'])
  })

  it('a raw close frame starts the closing handshake: the browser answers it and the page gets a clean close with its code', () => {
    const { heard, server, trace, run } = raw((socket) => socket.sendRaw(f(Opcode.close, closePayload(4001, 'done'))))
    run()
    expect(trace()).toEqual(['#3 close 4001 "done" server@50→100', '#4 close 4001 "done" client@100→150'])
    expect(heard).toEqual(['100 open', '150 close 4001 done true (seq 3)'])
    expect(server).toEqual(['150 close 4001 done'])
  })

  it('a close frame without a body: both ends answer without a code, and the page sees 1005', () => {
    const { heard, trace, run } = raw((socket) => socket.sendRaw(f(Opcode.close)))
    run()
    expect(trace()).toEqual(['#3 close (no code) server@50→100', '#4 close (no code) client@100→150'])
    expect(heard).toEqual(['100 open', '150 close 1005 true (seq 3)'])
  })

  it('send() while a raw fragmented message is unfinished interleaves two messages: 1002', () => {
    const { heard, trace, run } = raw((socket) => {
      socket.sendRaw(f(Opcode.text, utf8('a'), { fin: false }))
      socket.send('b')
    })
    run()
    expect(trace()).toEqual([
      '#3 text server@50→100',
      '#4 text server@50→100 INVALID',
      '#5 close 1002 "Previous data frame unfinished" client@100→150',
      '#6 conn.close client@100→150',
    ])
    expect(heard).toEqual(['100 open', '100 error (seq 4)', '100 close 1006 false (seq 4)'])
  })
})
