import { describe, expect, it } from 'vitest'
import type { WsFrameEvent } from '../../sim/trace.ts'
import { encodeFrame, Opcode, toHex, type Frame } from '../../sim/websocket.ts'
import { frameHeaderView } from './frame-header.ts'

/** a traced frame with these bytes, as ws-connection records it */
function traced(bytes: Uint8Array, from: 'client' | 'server' = 'server'): WsFrameEvent {
  const opcode = bytes[0]! & 0x0f
  return {
    kind: 'ws.frame',
    seq: 1,
    t: 0,
    arrives: 50,
    conn: 'c1',
    from,
    to: from === 'server' ? 'client' : 'server',
    bytes: bytes.length,
    fin: (bytes[0]! & 0x80) !== 0,
    rsv: [(bytes[0]! & 0x40) !== 0, (bytes[0]! & 0x20) !== 0, (bytes[0]! & 0x10) !== 0],
    opcode,
    opcodeName: opcode === 1 ? 'text' : opcode === 9 ? 'ping' : 'binary',
    maskKey: bytes[1]! & 0x80 ? toHex(bytes.slice(2, 6)) : null,
    payloadLength: 0,
    hex: toHex(bytes),
    payloadHex: '',
  }
}
const f = (opcode: number, payload: Uint8Array, more: Partial<Frame> = {}) =>
  encodeFrame({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode, maskKey: null, payload, ...more })
const value = (frame: WsFrameEvent, field: string) => frameHeaderView(frame).rows.find((r) => r.field === field)?.value

describe('a frame header in the inspector, read from its bytes', () => {
  it('a valid server frame', () => {
    const view = frameHeaderView(traced(f(Opcode.text, new TextEncoder().encode('hi'))))
    expect(view.rows).toEqual([
      { field: 'FIN', bits: '1', value: 'final fragment' },
      { field: 'RSV1–3', bits: '000', value: 'no extension in use' },
      { field: 'opcode', bits: '0001', value: '1 = text' },
      { field: 'MASK', bits: '0', value: 'not masked (server frames never are)' },
      { field: 'payload length', bits: '0000010', value: '2 bytes (7-bit)' },
    ])
    expect([view.headerSize, view.payloadSize]).toEqual([2, 2])
  })

  it('says what is wrong with RSV bits set and a masked server frame', () => {
    expect(value(traced(f(Opcode.text, new Uint8Array(1), { rsv1: true, rsv3: true })), 'RSV1–3')).toBe(
      'RSV1, RSV3 set, but no extension was agreed in the handshake: not allowed',
    )
    const masked = traced(f(Opcode.text, new Uint8Array(3), { maskKey: Uint8Array.of(1, 2, 3, 4) }))
    expect(value(masked, 'MASK')).toBe('masked: a server must never mask its frames')
    expect(value(masked, 'masking key')).toBe('4 random bytes')
    expect(frameHeaderView(masked).headerSize).toBe(6)
  })

  it('a length in a longer form than needed, and a control frame refused by its header before its payload came', () => {
    const long = traced(Uint8Array.of(0x81, 126, 0, 2, 0x68, 0x69))
    expect(frameHeaderView(long).rows.at(-1)).toEqual({ field: 'payload length', bits: '1111110 + 00 02', value: '2 bytes (16-bit extended length)' })
    const cut = traced(f(Opcode.ping, new Uint8Array(200)).slice(0, 10))
    expect(value(cut, 'payload length')).toBe('200 bytes (16-bit extended length)')
    expect(frameHeaderView(cut).payloadSize).toBe(6)
  })
})
