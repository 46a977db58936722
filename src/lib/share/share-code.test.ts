import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeSharedCode, encodeSharedCode, MAX_SHARED_CODE } from './share-code.ts'

const pack = async (value: unknown): Promise<string> => {
  const bytes = new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))
  const compressed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer())
  return btoa(String.fromCharCode(...compressed))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

describe('code in a share link', () => {
  it('comes back exactly, in characters a URL hash keeps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), async (code) => {
        const data = await encodeSharedCode(code)
        expect(data).toMatch(/^[A-Za-z0-9_-]*$/)
        expect(await decodeSharedCode(data)).toEqual({ ok: true, code, broker: null })
      }),
      { numRuns: 60 },
    )
  })

  it("carries the lesson's broker switch when the sharer changed it", async () => {
    expect(await decodeSharedCode(await encodeSharedCode('x', false))).toEqual({ ok: true, code: 'x', broker: false })
    const read = await decodeSharedCode(await pack({ v: 1, code: 'x', broker: 'off' }))
    expect(read.ok).toBe(false)
  })

  it('is compressed: a lesson-sized program makes a short link', async () => {
    const code = "const es = new EventSource('/api/stream');\nes.onmessage = (e) => console.log('score', JSON.parse(e.data));\n".repeat(10)
    expect((await encodeSharedCode(code)).length).toBeLessThan(code.length / 4)
  })

  it('refuses a damaged link with a message, whatever is wrong with it', async () => {
    const message = async (data: string) => {
      const read = await decodeSharedCode(data)
      return read.ok ? 'accepted' : read.message
    }
    const good = await encodeSharedCode('console.log(1)')
    expect(await message(good.slice(0, -4))).toMatch(/^This share link is damaged \(its code cannot be (unpacked|read)\): it may have been cut short/)
    expect(await message('abc$%')).toBe(
      'This share link is damaged (it has characters a share link never has): it may have been cut short when it was copied. Ask for the link again.',
    )
    expect(await message('AAAA')).toMatch(/^This share link is damaged \(its code cannot be unpacked\)/)
    expect(await message(await pack({ v: 1, code: 42 }))).toMatch(/^This share link is damaged \(its code cannot be read\)/)
    expect(await message(await pack('not json'))).toMatch(/^This share link is damaged \(its code cannot be read\)/)
    expect(await message(await pack({ v: 2, code: 'x' }))).toBe(
      'This share link was made by a newer Wirelab: update the course (reload the page), then open the link again.',
    )
    expect(await message('A'.repeat(60_001))).toMatch(/\(it is too long\)/)
  })

  it('never inflates past its cap: a tiny link of zeros is refused, not unpacked into megabytes', async () => {
    const bomb = await pack(`{"v":1,"code":"${' '.repeat(10 * MAX_SHARED_CODE)}"}`)
    expect(bomb.length).toBeLessThan(5000)
    const read = await decodeSharedCode(bomb)
    expect(read).toEqual({ ok: false, message: expect.stringContaining('(it holds more code than a link may carry)') })
  })
})
