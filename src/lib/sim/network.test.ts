import { describe, expect, it } from 'vitest'
import { Network } from './network.ts'
import { seededRandom } from './random.ts'

describe('network', () => {
  it('adds the latency, and no randomness without jitter', () => {
    let draws = 0
    const net = new Network(50, 0, () => (draws++, 0.5))
    expect(net.arrival('c1', 'down', 1000)).toBe(1050)
    expect(draws).toBe(0)
  })

  it('adds seeded jitter within bounds, the same for the same seed', () => {
    const run = (seed: number) => {
      const net = new Network(50, 20, seededRandom(seed))
      return Array.from({ length: 20 }, (_, i) => net.arrival(`c${i}`, 'down', 0))
    }
    const a = run(1)
    expect(a.every((t) => t >= 50 && t <= 70)).toBe(true)
    expect(new Set(a).size).toBeGreaterThan(1)
    expect(run(1)).toEqual(a)
  })

  it("keeps the order of one connection's messages in one direction (TCP)", () => {
    const net = new Network(50, 100, seededRandom(3))
    const times = Array.from({ length: 50 }, (_, i) => net.arrival('c1', 'down', i))
    expect(times).toEqual([...times].sort((x, y) => x - y))
  })
})
