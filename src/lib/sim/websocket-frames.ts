// The bytes a server writes on a WebSocket, cut into frames as the browser reads them (RFC 6455 §5.2):
// each frame's header checked in the order Chromium's frame parser and basic stream check it, and the
// close codes a failure sends. websocket-reader.ts reads the frames this cuts (messages, control
// frames, the closing handshake).
import { Opcode, opcodeName, type Frame } from './websocket.ts'

/** why the browser fails the connection, and what it sends first */
export interface Failure {
  /** the close code in the close frame the browser sends before it drops the connection; null: no close frame */
  code: number | null
  /** the reason in that close frame (Chromium's words; often empty) */
  reason: string
  /** what is wrong, in plain words, with the rule it breaks */
  why: string
}

/** a frame header, read as far as the bytes go */
export interface FrameHeader {
  fin: boolean
  rsv: [boolean, boolean, boolean]
  opcode: number
  maskKey: Uint8Array | null
  /** the payload length the header announces */
  declared: bigint
  /** bytes before the payload */
  headerSize: number
}

/** one frame cut from the server's byte stream */
export interface RawFrame {
  /** its bytes exactly as on the wire (after a header the browser refuses: every byte that followed in that write) */
  bytes: Uint8Array
  header: FrameHeader
  /** the whole frame, unmasked; null when its header was refused before the payload was complete */
  frame: Frame | null
  /** the header itself fails the connection (a length or control-frame rule) */
  failure?: Failure
}

export const PROTOCOL = 1002
export const INVALID_DATA = 1007
/** Chromium's reason for every error its frame parser and stream find in a header */
const HEADER_REASON = 'WebSocket Protocol Error'
const INT64_MAX = 2n ** 63n - 1n
/** the largest frame Chromium reads (INT32_MAX bytes); a longer one drops the connection */
const CHROMIUM_MAX_FRAME = 2n ** 31n - 1n

/** "a text frame", "a ping frame", "a frame with the reserved opcode 0x3" */
export function frameName(opcode: number): string {
  const name = opcodeName(opcode)
  return name === 'reserved' ? `a frame with the reserved opcode 0x${opcode.toString(16).toUpperCase()}` : `a ${name} frame`
}

const isControl = (opcode: number) => opcode === Opcode.close || opcode === Opcode.ping || opcode === Opcode.pong

/** the header at the start of `bytes`: null while incomplete; with `failure` when the browser refuses it there */
export function readHeader(bytes: Uint8Array): { header: FrameHeader; failure?: Failure } | null {
  if (bytes.length < 2) return null
  const b0 = bytes[0]!
  const b1 = bytes[1]!
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 2
  let declared = BigInt(b1 & 0x7f)
  let failure: Failure | undefined
  if (declared === 126n) {
    if (bytes.length < 4) return null
    declared = BigInt(view.getUint16(2))
    offset = 4
    if (declared <= 125n)
      failure = headerFailure(
        `The 16-bit extended length holds ${declared}, which fits the 7-bit length field: the length must be encoded in the fewest bytes (RFC 6455 §5.2).`,
      )
  } else if (declared === 127n) {
    if (bytes.length < 10) return null
    declared = view.getBigUint64(2)
    offset = 10
    if (declared > INT64_MAX) failure = headerFailure('The 64-bit extended length has its most significant bit set, which must be 0 (RFC 6455 §5.2).')
    else if (declared <= 0xffffn)
      failure = headerFailure(
        `The 64-bit extended length holds ${declared}, which fits 16 bits: the length must be encoded in the fewest bytes (RFC 6455 §5.2).`,
      )
    else if (declared > CHROMIUM_MAX_FRAME)
      failure = {
        code: null,
        reason: '',
        why: `The frame announces ${declared} bytes of payload, more than Chromium takes in one frame (2³¹ − 1): it drops the connection without a close frame (no code 1009).`,
      }
  }
  const masked = (b1 & 0x80) !== 0
  const header: FrameHeader = {
    fin: (b0 & 0x80) !== 0,
    rsv: [(b0 & 0x40) !== 0, (b0 & 0x20) !== 0, (b0 & 0x10) !== 0],
    opcode: b0 & 0x0f,
    maskKey: masked && bytes.length >= offset + 4 ? bytes.slice(offset, offset + 4) : null,
    declared,
    headerSize: offset + (masked ? 4 : 0),
  }
  // the frame parser refuses a length as soon as it has read it, before the masking key
  if (failure) return { header, failure }
  if (masked && !header.maskKey) return null
  if (isControl(header.opcode) && !header.fin)
    return { header, failure: headerFailure(`${cap(frameName(header.opcode))} with FIN = 0: control frames must not be fragmented (RFC 6455 §5.5).`) }
  if (isControl(header.opcode) && declared > 125n)
    return {
      header,
      failure: headerFailure(`${cap(frameName(header.opcode))} with ${declared} bytes of payload: control frames carry at most 125 (RFC 6455 §5.5).`),
    }
  return { header }
}

function headerFailure(why: string): Failure {
  return { code: PROTOCOL, reason: HEADER_REASON, why }
}

/** cuts the bytes a server writes into frames; a frame split over several writes is whole once its last byte is written */
export class FrameSplitter {
  private pending = new Uint8Array(0)

  /** the frames these bytes complete (an incomplete one waits for the next write) */
  push(bytes: Uint8Array): RawFrame[] {
    let buffer = concat(this.pending, bytes)
    const frames: RawFrame[] = []
    while (buffer.length > 0) {
      const read = readHeader(buffer)
      if (!read) break
      const { header, failure } = read
      const complete = buffer.length >= header.headerSize && header.declared <= BigInt(buffer.length - header.headerSize)
      if (!complete && failure) {
        // the browser stops reading at this header: whatever follows is never parsed
        frames.push({ bytes: buffer, header, frame: null, failure })
        buffer = new Uint8Array(0)
        break
      }
      if (!complete) break
      const size = header.headerSize + Number(header.declared)
      const bytesOfFrame = buffer.slice(0, size)
      const raw = bytesOfFrame.slice(header.headerSize)
      const frame: Frame = {
        fin: header.fin,
        rsv1: header.rsv[0],
        rsv2: header.rsv[1],
        rsv3: header.rsv[2],
        opcode: header.opcode,
        maskKey: header.maskKey,
        payload: header.maskKey ? raw.map((b, i) => b ^ header.maskKey![i % 4]!) : raw,
      }
      frames.push({ bytes: bytesOfFrame, header, frame, ...(failure ? { failure } : {}) })
      buffer = buffer.slice(size)
    }
    this.pending = buffer
    return frames
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** "A text frame" from "a text frame" */
export function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1)
}
