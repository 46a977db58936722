import { describe, expect, it } from 'vitest'
import { responseHeaders } from './http-transport.ts'

describe("the learner's code reads the simulated server's headers", () => {
  it('passes every header but the framing ones, and no-cache unless the server chose', () => {
    const headers = responseHeaders([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Retry-After', value: '2' },
      { name: 'X-Request-Id', value: 'abc' },
      { name: 'Content-Length', value: '12' },
      { name: 'Connection', value: 'keep-alive' },
    ])
    expect([...headers]).toEqual([
      ['cache-control', 'no-cache'],
      ['content-type', 'application/json'],
      ['retry-after', '2'],
      ['x-request-id', 'abc'],
    ])
    expect(responseHeaders([{ name: 'Cache-Control', value: 'max-age=60' }]).get('cache-control')).toBe('max-age=60')
  })
})
