// The EventSource's MIME rule (WHATWG HTML §9.2.3) compares the MIME type's essence: parameters allowed,
// case ignored, nothing longer or shorter (MIME Sniffing §4.4, Fetch "extract a MIME type").
import { describe, expect, it } from 'vitest'
import { extractMimeEssence, headerValue, isEventStreamResponse, parseMimeEssence } from './mime.ts'

describe('the essence of a MIME type', () => {
  it('is type/subtype in lower case, without parameters or surrounding whitespace', () => {
    expect(parseMimeEssence('text/event-stream')).toBe('text/event-stream')
    expect(parseMimeEssence('Text/Event-Stream; charset=utf-8')).toBe('text/event-stream')
    expect(parseMimeEssence(' \ttext/event-stream \r\n')).toBe('text/event-stream')
    expect(parseMimeEssence('text/event-stream  ;charset="utf-8"')).toBe('text/event-stream')
  })

  it('is null for what is not a MIME type', () => {
    for (const bad of ['', 'text', 'text/', '/event-stream', 'text /event-stream', 'text/event stream', 'tèxt/event-stream', 'text/event-stream/x'])
      expect(parseMimeEssence(bad), bad).toBeNull()
  })
})

describe('the Content-Type an EventSource accepts', () => {
  it('accepts text/event-stream whatever its case and parameters', () => {
    for (const ok of ['text/event-stream', 'TEXT/EVENT-STREAM', 'Text/Event-Stream; charset=utf-8', 'text/event-stream;charset=UTF-8'])
      expect(isEventStreamResponse(200, ok), ok).toBe(true)
  })

  it('refuses other types, even ones that start the same way', () => {
    for (const bad of ['text/event-streamx', 'text/event-stream-x', 'text/event', 'text/plain', 'application/event-stream', 'text/event-stream/x', ''])
      expect(isEventStreamResponse(200, bad), bad).toBe(false)
    expect(isEventStreamResponse(200, null)).toBe(false)
    expect(isEventStreamResponse(200, undefined)).toBe(false)
  })

  it('refuses any status but 200, even with the right type', () => {
    for (const status of [201, 204, 206, 301, 404, 500]) expect(isEventStreamResponse(status, 'text/event-stream'), String(status)).toBe(false)
  })

  it('reads several values as Fetch does: the last MIME type wins, */* and junk are skipped, quoted commas do not split', () => {
    expect(extractMimeEssence('text/html, text/event-stream')).toBe('text/event-stream')
    expect(extractMimeEssence('text/event-stream, text/html')).toBe('text/html')
    expect(extractMimeEssence('text/event-stream, */*')).toBe('text/event-stream')
    expect(extractMimeEssence('text/event-stream, nonsense')).toBe('text/event-stream')
    expect(extractMimeEssence('text/event-stream; note="a, text/html"')).toBe('text/event-stream')
  })

  it('finds a header by name whatever its case, joining repeated ones', () => {
    const headers = [
      { name: 'content-type', value: 'text/html' },
      { name: 'Content-Type', value: 'text/event-stream' },
    ]
    expect(headerValue(headers, 'Content-Type')).toBe('text/html, text/event-stream')
    expect(isEventStreamResponse(200, headerValue(headers, 'content-type'))).toBe(true)
    expect(headerValue(headers, 'X-Nothing')).toBeNull()
  })
})
