// The learner's code in a share link: JSON {v, code}, deflate-raw compressed (the browser's own
// CompressionStream), base64url, in the address's hash. What a link carries is untrusted: its size is
// capped before and after decompression (a small link must not inflate into megabytes), and every
// field is checked. Decoding never runs anything: the page asks the visitor first.

export const SHARE_VERSION = 1
/** the longest code a link carries, in characters */
export const MAX_SHARED_CODE = 100_000
/** the longest encoded part of a link we make or read (browsers and chat apps cut longer addresses) */
export const MAX_SHARE_DATA = 60_000
const MAX_INFLATED_BYTES = 4 * MAX_SHARED_CODE + 64

/** what a link carries: the code, and the lesson's broker switch when the sharer had changed it (it changes the run) */
export interface SharedRun {
  code: string
  /** null: the lesson's own setting */
  broker: boolean | null
}

export type SharedCode = ({ ok: true } & SharedRun) | { ok: false; message: string }

export async function encodeSharedCode(code: string, broker: boolean | null = null): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(broker === null ? { v: SHARE_VERSION, code } : { v: SHARE_VERSION, code, broker }))
  const compressed = await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer()
  return toBase64Url(new Uint8Array(compressed))
}

/** the code a link carries, or why it cannot be read */
export async function decodeSharedCode(data: string): Promise<SharedCode> {
  const damaged = (why: string): SharedCode => ({
    ok: false,
    message: `This share link is damaged (${why}): it may have been cut short when it was copied. Ask for the link again.`,
  })
  if (data.length > MAX_SHARE_DATA) return damaged('it is too long')
  const compressed = fromBase64Url(data)
  if (!compressed) return damaged('it has characters a share link never has')
  let text: string
  try {
    text = await inflate(compressed)
  } catch (error) {
    return damaged(error instanceof TooLarge ? 'it holds more code than a link may carry' : 'its code cannot be unpacked')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return damaged('its code cannot be read')
  }
  if (typeof value !== 'object' || value === null) return damaged('its code cannot be read')
  const { v, code, broker = null } = value as { v?: unknown; code?: unknown; broker?: unknown }
  if (typeof v !== 'number' || v > SHARE_VERSION)
    return { ok: false, message: 'This share link was made by a newer Wirelab: update the course (reload the page), then open the link again.' }
  if (v !== SHARE_VERSION || typeof code !== 'string' || (broker !== null && typeof broker !== 'boolean')) return damaged('its code cannot be read')
  if (code.length > MAX_SHARED_CODE) return damaged('it holds more code than a link may carry')
  return { ok: true, code, broker }
}

class TooLarge extends Error {}

async function inflate(bytes: Uint8Array): Promise<string> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > MAX_INFLATED_BYTES) {
      await reader.cancel()
      throw new TooLarge()
    }
    chunks.push(value)
  }
  const all = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    all.set(chunk, at)
    at += chunk.length
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(all)
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(data: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(data) || data.length % 4 === 1) return null
  const binary = atob(
    data
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(data.length / 4) * 4, '='),
  )
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}
