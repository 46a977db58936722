// WebSocket on the wire (RFC 6455): the opening handshake's key and accept (§4.2.2), frames with their
// real bytes (§5.2), masking (§5.3), close codes (§7.4). Encodes and decodes bytes, not labels.
import { sha1 } from '@noble/hashes/legacy.js'
import { WEBSOCKET_GUID } from './websocket-constants.ts'
export { CLOSE_CODE_MEANING, WEBSOCKET_GUID } from './websocket-constants.ts'

export const Opcode = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const
export type OpcodeName = keyof typeof Opcode

export function opcodeName(opcode: number): OpcodeName | 'reserved' {
  return (Object.keys(Opcode) as OpcodeName[]).find((name) => Opcode[name] === opcode) ?? 'reserved'
}

const encoder = new TextEncoder()

export function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (const b of bytes) text += String.fromCharCode(b)
  return btoa(text)
}

/** Sec-WebSocket-Accept for a Sec-WebSocket-Key: base64(SHA-1(key + GUID)) */
export function acceptFor(key: string): string {
  return toBase64(sha1(encoder.encode(key + WEBSOCKET_GUID)))
}

/** a Sec-WebSocket-Key: 16 random bytes (here from the seeded generator), base64 */
export function makeKey(random: () => number): string {
  return toBase64(Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256)))
}

export function makeMaskKey(random: () => number): Uint8Array {
  return Uint8Array.from({ length: 4 }, () => Math.floor(random() * 256))
}

export interface Frame {
  fin: boolean
  rsv1: boolean
  rsv2: boolean
  rsv3: boolean
  opcode: number
  /** present when the frame is masked (every client-to-server frame) */
  maskKey: Uint8Array | null
  /** the payload, unmasked */
  payload: Uint8Array
}

export function frame(opcode: number, payload: Uint8Array, options: { fin?: boolean; maskKey?: Uint8Array | null } = {}): Frame {
  return { fin: options.fin ?? true, rsv1: false, rsv2: false, rsv3: false, opcode, maskKey: options.maskKey ?? null, payload }
}

/** XOR with the 4-byte key (§5.3); applying it twice gives the input back */
export function applyMask(payload: Uint8Array, key: Uint8Array): Uint8Array {
  return payload.map((b, i) => b ^ key[i % 4]!)
}

/** the frame's bytes on the wire */
export function encodeFrame(f: Frame): Uint8Array {
  const len = f.payload.length
  const lengthBytes = len < 126 ? 0 : len < 65536 ? 2 : 8
  const header = new Uint8Array(2 + lengthBytes + (f.maskKey ? 4 : 0))
  header[0] = (f.fin ? 0x80 : 0) | (f.rsv1 ? 0x40 : 0) | (f.rsv2 ? 0x20 : 0) | (f.rsv3 ? 0x10 : 0) | (f.opcode & 0x0f)
  header[1] = (f.maskKey ? 0x80 : 0) | (lengthBytes === 0 ? len : lengthBytes === 2 ? 126 : 127)
  const view = new DataView(header.buffer)
  if (lengthBytes === 2) view.setUint16(2, len)
  if (lengthBytes === 8) view.setBigUint64(2, BigInt(len))
  if (f.maskKey) header.set(f.maskKey, 2 + lengthBytes)
  const out = new Uint8Array(header.length + len)
  out.set(header)
  out.set(f.maskKey ? applyMask(f.payload, f.maskKey) : f.payload, header.length)
  return out
}

/** one frame from the start of `bytes`, and how many bytes it took; null when incomplete */
export function decodeFrame(bytes: Uint8Array): { frame: Frame; size: number } | null {
  if (bytes.length < 2) return null
  const b0 = bytes[0]!
  const b1 = bytes[1]!
  const masked = (b1 & 0x80) !== 0
  let len = b1 & 0x7f
  let offset = 2
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (len === 126) {
    if (bytes.length < 4) return null
    len = view.getUint16(2)
    offset = 4
  } else if (len === 127) {
    if (bytes.length < 10) return null
    const big = view.getBigUint64(2)
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('frame too long')
    len = Number(big)
    offset = 10
  }
  const maskKey = masked ? bytes.slice(offset, offset + 4) : null
  if (masked) offset += 4
  if (bytes.length < offset + len) return null
  const raw = bytes.slice(offset, offset + len)
  return {
    frame: {
      fin: (b0 & 0x80) !== 0,
      rsv1: (b0 & 0x40) !== 0,
      rsv2: (b0 & 0x20) !== 0,
      rsv3: (b0 & 0x10) !== 0,
      opcode: b0 & 0x0f,
      maskKey,
      payload: maskKey ? applyMask(raw, maskKey) : raw,
    },
    size: offset + len,
  }
}

/** the payload of a close frame: a 2-byte code, then a UTF-8 reason (§5.5.1) */
export function closePayload(code: number, reason = ''): Uint8Array {
  const text = encoder.encode(reason)
  const out = new Uint8Array(2 + text.length)
  new DataView(out.buffer).setUint16(0, code)
  out.set(text, 2)
  return out
}

export function readClosePayload(payload: Uint8Array): { code: number | null; reason: string } {
  if (payload.length < 2) return { code: null, reason: '' }
  return { code: new DataView(payload.buffer, payload.byteOffset).getUint16(0), reason: new TextDecoder().decode(payload.slice(2)) }
}

/**
 * May this code be sent in a close frame (§7.4.1, §7.4.2)? 1005, 1006 and 1015 are for reporting only;
 * 1004 is reserved; 3000–4999 are for libraries and applications.
 */
export function isSendableCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999)
}

export function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ')
}
