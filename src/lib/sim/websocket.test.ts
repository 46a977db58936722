import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  acceptFor,
  applyMask,
  closePayload,
  decodeFrame,
  encodeFrame,
  frame,
  isSendableCloseCode,
  makeKey,
  Opcode,
  readClosePayload,
  toHex,
} from './websocket.ts'
import { seededRandom } from './random.ts'

const text = (s: string) => new TextEncoder().encode(s)
const bytes = (...b: number[]) => Uint8Array.from(b)

describe('RFC 6455 opening handshake', () => {
  it('computes Sec-WebSocket-Accept for the §1.3 example key', () => {
    expect(acceptFor('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=')
  })

  it('makes 16-byte keys from the seed, the same for the same seed', () => {
    const a = makeKey(seededRandom(4))
    expect(atob(a)).toHaveLength(16)
    expect(makeKey(seededRandom(4))).toBe(a)
    expect(makeKey(seededRandom(5))).not.toBe(a)
  })
})

describe('RFC 6455 §5.7 example frames, byte for byte', () => {
  it('a single-frame unmasked text message "Hello"', () => {
    expect(encodeFrame(frame(Opcode.text, text('Hello')))).toEqual(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f))
  })

  it('a single-frame masked text message "Hello"', () => {
    const encoded = encodeFrame(frame(Opcode.text, text('Hello'), { maskKey: bytes(0x37, 0xfa, 0x21, 0x3d) }))
    expect(encoded).toEqual(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58))
    const decoded = decodeFrame(encoded)!
    expect(new TextDecoder().decode(decoded.frame.payload)).toBe('Hello')
    expect(decoded.size).toBe(11)
  })

  it('a fragmented unmasked text message "Hel" + "lo"', () => {
    expect(encodeFrame(frame(Opcode.text, text('Hel'), { fin: false }))).toEqual(bytes(0x01, 0x03, 0x48, 0x65, 0x6c))
    expect(encodeFrame(frame(Opcode.continuation, text('lo')))).toEqual(bytes(0x80, 0x02, 0x6c, 0x6f))
  })

  it('an unmasked ping "Hello" and a masked pong "Hello"', () => {
    expect(encodeFrame(frame(Opcode.ping, text('Hello')))).toEqual(bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f))
    const pong = encodeFrame(frame(Opcode.pong, text('Hello'), { maskKey: bytes(0x37, 0xfa, 0x21, 0x3d) }))
    expect(pong).toEqual(bytes(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58))
  })

  it('256 bytes of binary data in an unmasked frame: 16-bit length', () => {
    const encoded = encodeFrame(frame(Opcode.binary, new Uint8Array(256)))
    expect(toHex(encoded.slice(0, 4))).toBe('82 7e 01 00')
    expect(encoded).toHaveLength(4 + 256)
  })

  it('64 KiB of binary data in an unmasked frame: 64-bit length', () => {
    const encoded = encodeFrame(frame(Opcode.binary, new Uint8Array(65536)))
    expect(toHex(encoded.slice(0, 10))).toBe('82 7f 00 00 00 00 00 01 00 00')
    expect(encoded).toHaveLength(10 + 65536)
    expect(decodeFrame(encoded)!.frame.payload).toHaveLength(65536)
  })

  it('reports an incomplete frame as null', () => {
    expect(decodeFrame(bytes(0x81))).toBeNull()
    expect(decodeFrame(bytes(0x81, 0x05, 0x48))).toBeNull()
  })
})

describe('close frames', () => {
  it('carry a 2-byte code and a UTF-8 reason', () => {
    expect(closePayload(1000, 'bye')).toEqual(bytes(0x03, 0xe8, 0x62, 0x79, 0x65))
    expect(readClosePayload(closePayload(4001, 'über'))).toEqual({ code: 4001, reason: 'über' })
    expect(readClosePayload(new Uint8Array())).toEqual({ code: null, reason: '' })
  })

  it('never carry the reporting-only codes 1005, 1006, 1015, nor reserved 1004', () => {
    for (const code of [1005, 1006, 1015, 1004, 999, 5000, 2000]) expect(isSendableCloseCode(code)).toBe(false)
    for (const code of [1000, 1001, 1011, 3000, 4999]) expect(isSendableCloseCode(code)).toBe(true)
  })
})

describe('properties', () => {
  it('decode(encode(frame)) gives the frame back, masked or not, for every length class', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 70_000, size: 'large' }),
        fc.option(fc.uint8Array({ minLength: 4, maxLength: 4 }), { nil: null }),
        fc.constantFrom(0x0, 0x1, 0x2, 0x8, 0x9, 0xa),
        fc.boolean(),
        (payload, maskKey, opcode, fin) => {
          const f = frame(opcode, payload, { fin, maskKey })
          const encoded = encodeFrame(f)
          const decoded = decodeFrame(encoded)!
          expect(decoded.size).toBe(encoded.length)
          expect(decoded.frame).toEqual(f)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('masking twice is the identity', () => {
    fc.assert(
      fc.property(fc.uint8Array(), fc.uint8Array({ minLength: 4, maxLength: 4 }), (p, k) => {
        expect(applyMask(applyMask(p, k), k)).toEqual(p)
      }),
    )
  })
})
