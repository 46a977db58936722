// What the inspector shows of a WebSocket frame's header (RFC 6455 §5.2), read from the frame's own
// bytes: a lesson server may send frames that break the RFC (RSV bits set, a masked server frame, a
// length in a longer form than needed, a header the browser refused before its payload), so nothing
// is assumed from the frame's kind.
import type { WsFrameEvent } from '../../sim/trace.ts'
import { readHeader } from '../../sim/websocket-reader.ts'

export interface HeaderRow {
  field: string
  /** the bits or bytes, as on the wire */
  bits: string
  value: string
}

export interface FrameHeaderView {
  rows: HeaderRow[]
  /** bytes before the payload (as many as were sent, for a header cut short) */
  headerSize: number
  /** payload bytes present in the trace (fewer than announced when the browser refused the header first) */
  payloadSize: number
}

const bits = (byte: number) => byte.toString(2).padStart(8, '0')

export function frameHeaderView(frame: WsFrameEvent): FrameHeaderView {
  const bytes = Uint8Array.from(frame.hex.split(' ').filter(Boolean), (h) => parseInt(h, 16))
  const b0 = bytes[0] ?? 0
  const b1 = bytes[1] ?? 0
  const header = readHeader(bytes)?.header
  const lengthBytes = header ? header.headerSize - 2 - (header.maskKey || b1 & 0x80 ? 4 : 0) : 0
  const headerSize = Math.min(header?.headerSize ?? bytes.length, bytes.length)
  const rsv = bits(b0).slice(1, 4)
  const set = ['RSV1', 'RSV2', 'RSV3'].filter((_, i) => rsv[i] === '1')
  const masked = (b1 & 0x80) !== 0
  const server = frame.from === 'server'
  const declared = header?.declared ?? BigInt(b1 & 0x7f)
  const rows: HeaderRow[] = [
    { field: 'FIN', bits: bits(b0)[0]!, value: frame.fin ? 'final fragment' : 'more fragments follow' },
    {
      field: 'RSV1–3',
      bits: rsv,
      value: set.length === 0 ? 'no extension in use' : `${set.join(', ')} set, but no extension was agreed in the handshake: not allowed`,
    },
    { field: 'opcode', bits: bits(b0).slice(4), value: `${frame.opcode.toString(16).toUpperCase()} = ${frame.opcodeName}` },
    {
      field: 'MASK',
      bits: masked ? '1' : '0',
      value: masked
        ? server
          ? 'masked: a server must never mask its frames'
          : 'masked (every client frame must be)'
        : server
          ? 'not masked (server frames never are)'
          : 'not masked: a client must mask every frame',
    },
    {
      field: 'payload length',
      bits:
        bits(b1).slice(1) +
        (lengthBytes
          ? ` + ${frame.hex
              .split(' ')
              .slice(2, 2 + lengthBytes)
              .join(' ')}`
          : ''),
      value: `${declared} bytes${lengthBytes ? ` (${lengthBytes * 8}-bit extended length)` : ' (7-bit)'}`,
    },
  ]
  if (frame.maskKey) rows.push({ field: 'masking key', bits: frame.maskKey, value: '4 random bytes' })
  return { rows, headerSize, payloadSize: Math.max(bytes.length - headerSize, 0) }
}
