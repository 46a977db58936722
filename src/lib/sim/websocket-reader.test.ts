// The browser's reading of server bytes, frame by frame, against RFC 6455 §5–§8 and the order and
// reasons of Chromium's net/websockets (websocket_frame_parser.cc, websocket_basic_stream.cc,
// websocket_channel.cc).
import { describe, expect, it } from 'vitest'
import { closePayload, encodeFrame, Opcode, type Frame } from './websocket.ts'
import { FrameReader, FrameSplitter, readServerClose, type ReadOutcome, type ReaderState } from './websocket-reader.ts'

const utf8 = (s: string) => new TextEncoder().encode(s)
const bytes = (...b: number[]) => Uint8Array.from(b)
const f = (opcode: number, payload: Uint8Array = new Uint8Array(), more: Partial<Frame> = {}): Uint8Array =>
  encodeFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode, maskKey: null, payload, ...more })

/** reads each write in order, as the browser would in `state` */
function readAll(writes: Uint8Array[], state: ReaderState = 'open'): ReadOutcome[] {
  const splitter = new FrameSplitter()
  const reader = new FrameReader()
  return writes.flatMap((w) => splitter.push(w)).map((raw) => reader.read(raw, state))
}

/** what the browser sends before dropping the connection: "1002 Invalid reserved bit", or "no close frame" */
function failure(outcome: ReadOutcome | undefined): string {
  if (outcome?.kind !== 'fail') return `not a failure: ${JSON.stringify(outcome)}`
  return outcome.failure.code === null ? 'no close frame' : `${outcome.failure.code} ${outcome.failure.reason}`.trim()
}

describe('cutting the server’s bytes into frames', () => {
  it('finds every frame in one write, and a frame split over writes once its last byte is written', () => {
    const splitter = new FrameSplitter()
    const two = new Uint8Array([...f(Opcode.text, utf8('a')), ...f(Opcode.text, utf8('bc'))])
    expect(splitter.push(two).map((r) => r.bytes.length)).toEqual([3, 4])
    const hello = f(Opcode.text, utf8('Hello'))
    expect(splitter.push(hello.slice(0, 1))).toEqual([])
    expect(splitter.push(hello.slice(1, 4))).toEqual([])
    const [whole] = splitter.push(hello.slice(4))
    expect(whole!.bytes).toEqual(hello)
    expect(new TextDecoder().decode(whole!.frame!.payload)).toBe('Hello')
  })

  it('reads a 16-bit and a 64-bit length, and unmasks a masked payload', () => {
    const long = f(Opcode.binary, new Uint8Array(70_000))
    const medium = f(Opcode.text, utf8('x'.repeat(300)), { maskKey: bytes(1, 2, 3, 4) })
    const frames = new FrameSplitter().push(new Uint8Array([...long, ...medium]))
    expect(frames.map((r) => [r.header.declared, r.header.headerSize, r.frame!.payload.length])).toEqual([
      [70_000n, 10, 70_000],
      [300n, 8, 300],
    ])
    expect(new TextDecoder().decode(frames[1]!.frame!.payload)).toBe('x'.repeat(300))
  })
})

describe('frames the browser takes', () => {
  it('a text and a binary message', () => {
    expect(readAll([f(Opcode.text, utf8('héllo')), f(Opcode.binary, bytes(0, 255))])).toEqual([
      { kind: 'message', data: 'héllo' },
      { kind: 'message', data: bytes(0, 255) },
    ])
  })

  it('a fragmented text message, delivered whole with its final fragment; control frames may come between fragments', () => {
    const euro = utf8('€') // e2 82 ac, split across fragments
    const outcomes = readAll([
      f(Opcode.text, new Uint8Array([...utf8('price: '), euro[0]!]), { fin: false }),
      f(Opcode.ping, utf8('hb')),
      f(Opcode.continuation, euro.slice(1), { fin: false }),
      f(Opcode.pong),
      f(Opcode.continuation, utf8('5')),
    ])
    expect(outcomes).toEqual([
      { kind: 'fragment' },
      { kind: 'ping', payload: utf8('hb') },
      { kind: 'fragment' },
      { kind: 'pong' },
      { kind: 'message', data: 'price: €5' },
    ])
  })

  it('a fragmented binary message, its parts joined in order', () => {
    expect(
      readAll([f(Opcode.binary, bytes(1, 2), { fin: false }), f(Opcode.continuation, bytes(), { fin: false }), f(Opcode.continuation, bytes(3))]).at(-1),
    ).toEqual({
      kind: 'message',
      data: bytes(1, 2, 3),
    })
  })

  it('keeps a byte order mark in a text message, as Chromium does', () => {
    expect(readAll([f(Opcode.text, bytes(0xef, 0xbb, 0xbf, 0x41))])).toEqual([{ kind: 'message', data: '\uFEFFA' }])
  })

  it('a close frame: no body (the page will see 1005), or a code and a UTF-8 reason', () => {
    expect(readServerClose(new Uint8Array())).toEqual({ kind: 'close', code: null, reason: '' })
    expect(readServerClose(closePayload(4000, 'bye ✓'))).toEqual({ kind: 'close', code: 4000, reason: 'bye ✓' })
    expect(readServerClose(closePayload(1012))).toEqual({ kind: 'close', code: 1012, reason: '' })
  })

  it('after its own close frame the browser drops data frames, and still reads control frames', () => {
    expect(readAll([f(Opcode.text, utf8('late')), f(Opcode.ping), f(Opcode.close, closePayload(1000))], 'closing')).toEqual([
      { kind: 'ignored' },
      { kind: 'ping', payload: new Uint8Array() },
      { kind: 'close', code: 1000, reason: '' },
    ])
  })
})

describe('frames that fail the connection, with the code RFC 6455 gives (and Chromium’s reason)', () => {
  it('RSV1, RSV2 or RSV3 set without an extension: 1002', () => {
    for (const bit of ['rsv1', 'rsv2', 'rsv3'] as const) {
      const [outcome] = readAll([f(Opcode.text, utf8('x'), { [bit]: true })])
      expect(failure(outcome), bit).toBe('1002 Invalid reserved bit')
      expect(outcome!.kind === 'fail' && outcome!.failure.why).toMatch(new RegExp(`^${bit.toUpperCase()} is set, .*RFC 6455 §5\\.2`))
    }
  })

  it('a reserved opcode, data (0x3–0x7) or control (0xB–0xF): 1002', () => {
    for (const opcode of [0x3, 0x7, 0xb, 0xf]) {
      const [outcome] = readAll([f(opcode, utf8('?'))])
      expect(failure(outcome), String(opcode)).toBe('1002 Unknown opcode')
    }
    const [outcome] = readAll([f(0xb)])
    expect(outcome!.kind === 'fail' && outcome!.failure.why).toBe(
      'Opcode 0xB is reserved: RFC 6455 §5.2 defines 0x0–0x2 and 0x8–0xA, and a receiver must fail the connection on any other.',
    )
  })

  it('a control frame over 125 bytes, or fragmented: 1002, found in its header', () => {
    expect(failure(readAll([f(Opcode.ping, new Uint8Array(126))])[0])).toBe('1002 WebSocket Protocol Error')
    expect(failure(readAll([f(Opcode.close, closePayload(1000, 'x'.repeat(124)))])[0])).toBe('1002 WebSocket Protocol Error')
    expect(failure(readAll([f(Opcode.pong, utf8('a'), { fin: false })])[0])).toBe('1002 WebSocket Protocol Error')
    expect(failure(readAll([f(Opcode.close, closePayload(1000), { fin: false })])[0])).toBe('1002 WebSocket Protocol Error')
    // 125 bytes is still fine
    expect(readAll([f(Opcode.ping, new Uint8Array(125))])[0]!.kind).toBe('ping')
    // the header is enough: the browser does not wait for the 200 bytes announced
    const [cut] = new FrameSplitter().push(f(Opcode.ping, new Uint8Array(200)).slice(0, 10))
    expect(cut!.frame).toBeNull()
    expect(cut!.failure?.why).toBe('A ping frame with 200 bytes of payload: control frames carry at most 125 (RFC 6455 §5.5).')
  })

  it('a masked server frame: 1002', () => {
    expect(failure(readAll([f(Opcode.text, utf8('hi'), { maskKey: bytes(1, 2, 3, 4) })])[0])).toBe('1002 Masked frame from server')
  })

  it('a length not in its shortest form, or with the top bit set: 1002; longer than Chromium takes: dropped without a close frame', () => {
    expect(failure(readAll([bytes(0x81, 126, 0, 5, ...utf8('hello'))])[0])).toBe('1002 WebSocket Protocol Error')
    expect(failure(readAll([bytes(0x82, 127, 0, 0, 0, 0, 0, 0, 0x01, 0x00)])[0])).toBe('1002 WebSocket Protocol Error')
    expect(failure(readAll([bytes(0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 0)])[0])).toBe('1002 WebSocket Protocol Error')
    expect(failure(readAll([bytes(0x82, 127, 0, 0, 0, 0, 0x80, 0, 0, 0)])[0])).toBe('no close frame')
  })

  it('a continuation with no message started, or a new message before the last one ended: 1002', () => {
    expect(failure(readAll([f(Opcode.continuation, utf8('x'))])[0])).toBe('1002 Unexpected continuation')
    expect(failure(readAll([f(Opcode.text, utf8('a'), { fin: false }), f(Opcode.binary, bytes(1))])[1])).toBe('1002 Previous data frame unfinished')
  })

  it('invalid UTF-8 in a text message: 1007, at the fragment that breaks it or at the end of an unfinished character', () => {
    expect(failure(readAll([f(Opcode.text, bytes(0xc3, 0x28))])[0])).toBe('1007 Invalid UTF-8 in text frame')
    // an encoded surrogate and an overlong "/" are not UTF-8 either
    expect(failure(readAll([f(Opcode.text, bytes(0xed, 0xa0, 0x80))])[0])).toBe('1007 Invalid UTF-8 in text frame')
    expect(failure(readAll([f(Opcode.text, bytes(0xc0, 0xaf))])[0])).toBe('1007 Invalid UTF-8 in text frame')
    // Autobahn 6.4.1: the second fragment makes it invalid (0xF4 0x90 is past U+10FFFF) before the message ends
    const outcomes = readAll([
      f(Opcode.text, bytes(0xce, 0xba, 0xe1, 0xbd, 0xb9, 0xcf, 0x83, 0xce, 0xbc, 0xce, 0xb5), { fin: false }),
      f(Opcode.continuation, bytes(0xf4, 0x90, 0x80, 0x80), { fin: false }),
      f(Opcode.continuation, utf8('edited')),
    ])
    expect(outcomes.map((o) => o.kind)).toEqual(['fragment', 'fail', 'fragment'])
    expect(failure(outcomes[1])).toBe('1007 Invalid UTF-8 in text frame')
    // a character cut at the end of the message
    expect(failure(readAll([f(Opcode.text, bytes(0x41, 0xe2, 0x82))])[0])).toBe('1007 Invalid UTF-8 in text frame')
    // the same bytes in a binary message are fine
    expect(readAll([f(Opcode.binary, bytes(0xc3, 0x28))])[0]!.kind).toBe('message')
  })

  it('a close frame with a 1-byte body: 1002', () => {
    const [outcome] = readAll([f(Opcode.close, bytes(0x03))])
    expect(failure(outcome)).toBe('1002')
    expect(outcome!.kind === 'fail' && outcome!.failure.why).toMatch(/1-byte body.*§5\.5\.1/)
  })

  it('a close frame with a code that may not be sent: 1002 (1005, 1006, 1015, 0–999, 1004, unassigned, past 4999)', () => {
    for (const code of [1005, 1006, 1015, 999, 0, 1004, 1016, 2999, 5000, 65535]) {
      const [outcome] = readAll([f(Opcode.close, closePayload(code))])
      expect(failure(outcome), String(code)).toBe('1002')
    }
    const [reserved] = readAll([f(Opcode.close, closePayload(1006))])
    expect(reserved!.kind === 'fail' && reserved!.failure.why).toBe(
      'A close frame with code 1006, which may not be sent in a close frame: 1006 only reports a close to the application (abnormal closure: the connection was lost without a close frame) and is never sent (RFC 6455 §7.4).',
    )
    for (const code of [1000, 1001, 1003, 1007, 1011, 1014, 3000, 4999])
      expect(readAll([f(Opcode.close, closePayload(code))])[0]!.kind, String(code)).toBe('close')
  })

  it('a close reason that is not UTF-8: 1007', () => {
    expect(failure(readAll([f(Opcode.close, bytes(0x03, 0xe8, 0xff, 0xfe))])[0])).toBe('1007 Invalid UTF-8 in Close frame')
  })

  it('anything after the closing handshake crossed: dropped without a close frame', () => {
    for (const frame of [f(Opcode.text, utf8('x')), f(Opcode.ping), f(Opcode.close, closePayload(1000))])
      expect(failure(readAll([frame], 'closeWait')[0])).toBe('no close frame')
  })
})
