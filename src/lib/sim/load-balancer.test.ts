import { describe, expect, it } from 'vitest'
import { LoadBalancer } from './load-balancer.ts'
import { Trace } from './trace.ts'
import { connBase } from './conn-name.ts'

// client i numbers its connections from its own base: the key alone says whose connection it is
const alice = (n: number) => connBase(0, 2) + n
const bob = (n: number) => connBase(1, 2) + n

describe('LoadBalancer', () => {
  it('round-robin: each new connection goes to the next instance in turn, whoever opens it', () => {
    const lb = new LoadBalancer('round-robin', ['Alice', 'Bob'], 2, new Trace())
    expect([lb.route('A1', alice(1)), lb.route('B1', bob(1)), lb.route('A2', alice(2))].map((r) => r.index)).toEqual([0, 1, 0])
    expect(lb.route('B2', bob(2)).why).toBe('The load balancer sends B2 to Server 2: round-robin, each new connection goes to the next instance in turn.')
    expect(lb.instanceOf('A2')).toBe(0)
    expect(lb.instanceOf('C9')).toBeUndefined()
  })

  it('sticky: a client stays on the instance its first connection reached, and the trace says why', () => {
    const lb = new LoadBalancer('sticky', ['Alice', 'Bob'], 2, new Trace())
    expect([lb.route('A1', alice(1)), lb.route('B1', bob(1)), lb.route('B2', bob(2)), lb.route('A2', alice(2))].map((r) => r.index)).toEqual([0, 1, 1, 0])
    expect(lb.route('A3', alice(3)).why).toBe('The load balancer sends A3 to Server 1: sticky sessions keep Alice on the instance it first reached.')
  })

  it('with one instance there is no balancer: no reason is given', () => {
    const lb = new LoadBalancer('round-robin', [''], 1, new Trace())
    expect(lb.route('c1', 1)).toEqual({ index: 0 })
  })
})
