import { describe, expect, it } from 'vitest'
import { chunkedLength, formatRequestHead, formatResponseHead, httpDate, utf8Length } from './http1.ts'

describe('HTTP/1.1 framing', () => {
  it('formats a request head with CRLF line ends and an empty line', () => {
    const head = formatRequestHead('GET', '/api/stream', [
      { name: 'Host', value: '127.0.0.1:4173', source: 'modelled' },
      { name: 'Accept', value: 'text/event-stream', source: 'observed' },
    ])
    expect(head).toBe('GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:4173\r\nAccept: text/event-stream\r\n\r\n')
  })

  it('formats a status line with its reason phrase', () => {
    expect(formatResponseHead(200, [{ name: 'Content-Type', value: 'text/event-stream', source: 'observed' }])).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n',
    )
    expect(formatResponseHead(404, [])).toBe('HTTP/1.1 404 Not Found\r\n\r\n')
  })

  it('counts a chunk as hex size, CRLF, the bytes, CRLF (RFC 9112 §7.1)', () => {
    // 70 bytes = 0x46: "46\r\n" + 70 + "\r\n"
    expect(chunkedLength('x'.repeat(70))).toBe(4 + 70 + 2)
    expect(chunkedLength('é')).toBe(3 + 2 + 2) // "2\r\n" + 2 UTF-8 bytes + "\r\n"
    expect(utf8Length('é')).toBe(2)
  })

  it('writes dates as IMF-fixdate', () => {
    expect(httpDate(Date.UTC(1994, 10, 6, 8, 49, 37))).toBe('Sun, 06 Nov 1994 08:49:37 GMT')
  })
})
