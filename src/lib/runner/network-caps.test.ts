import { describe, expect, it } from 'vitest'
import { MAX_OPEN_CONNECTIONS, MAX_REQUESTS_PER_SECOND, NetworkCaps } from './network-caps.ts'

describe('network caps', () => {
  it('allows a steady poll, stops a burst above the rate cap', () => {
    const caps = new NetworkCaps()
    for (let t = 0; t < 10_000; t += 100) expect(caps.opened(t, 0)).toBeNull()
    const burst = new NetworkCaps()
    for (let i = 0; i < MAX_REQUESTS_PER_SECOND; i++) expect(burst.opened(500, 0)).toBeNull()
    expect(burst.opened(500, 0)).toMatch(/more than 50 requests within one simulated second \(at 0\.500 s\)/)
  })

  it('counts only the last simulated second', () => {
    const caps = new NetworkCaps()
    for (let i = 0; i < MAX_REQUESTS_PER_SECOND; i++) caps.opened(0, 0)
    expect(caps.opened(1000, 0)).toBeNull()
  })

  it('stops at too many open connections', () => {
    expect(new NetworkCaps().opened(0, MAX_OPEN_CONNECTIONS)).toMatch(/more than 20 connections open at once/)
    expect(new NetworkCaps().opened(0, MAX_OPEN_CONNECTIONS - 1)).toBeNull()
  })
})
