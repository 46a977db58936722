import { describe, expect, it } from 'vitest'
import { ConnectionPool } from './connection-pool.ts'

/** a pool of `limit` and a log of which requests started, in order */
function pool(limit: number) {
  const started: string[] = []
  const p = new ConnectionPool(limit)
  const ask = (conn: string, group = 'browser|http://127.0.0.1:5173') => p.request(group, conn, () => started.push(conn))
  return { p, started, ask }
}

describe('ConnectionPool', () => {
  it('starts up to its limit at once and queues the rest, in the order they asked', () => {
    const { p, started, ask } = pool(6)
    const answers = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'].map((c) => ask(c))
    expect(answers).toEqual(['started', 'started', 'started', 'started', 'started', 'started', 'queued', 'queued'])
    expect(started).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6'])
    expect(p.queued('browser|http://127.0.0.1:5173')).toEqual(['c7', 'c8'])
    expect(p.isQueued('c7')).toBe(true)
    expect(p.isQueued('c6')).toBe(false)
  })

  it('gives a freed slot to the first in the queue, whichever connection freed it', () => {
    const { p, started, ask } = pool(2)
    for (const c of ['c1', 'c2', 'c3', 'c4', 'c5']) ask(c)
    p.release('c2')
    expect(started).toEqual(['c1', 'c2', 'c3'])
    p.release('c1')
    expect(started).toEqual(['c1', 'c2', 'c3', 'c4'])
    expect(p.active('browser|http://127.0.0.1:5173')).toEqual(['c3', 'c4'])
    expect(p.queued('browser|http://127.0.0.1:5173')).toEqual(['c5'])
  })

  it('forgets a request closed while it waited: it never starts, and frees no slot', () => {
    const { p, started, ask } = pool(1)
    for (const c of ['c1', 'c2', 'c3']) ask(c)
    p.release('c2')
    expect(p.queued('browser|http://127.0.0.1:5173')).toEqual(['c3'])
    expect(started).toEqual(['c1'])
    p.release('c1')
    expect(started).toEqual(['c1', 'c3'])
  })

  it('ignores a second release and connections it never saw (a fault and a close on one connection)', () => {
    const { p, started, ask } = pool(1)
    for (const c of ['c1', 'c2', 'c3']) ask(c)
    p.release('c1')
    p.release('c1')
    p.release('c9')
    expect(started).toEqual(['c1', 'c2'])
    expect(p.active('browser|http://127.0.0.1:5173')).toEqual(['c2'])
  })

  it('keeps groups apart: another browser or origin has slots of its own', () => {
    const { started, ask } = pool(1)
    expect(ask('A1', 'Alice|http://127.0.0.1:5173')).toBe('started')
    expect(ask('B1', 'Bob|http://127.0.0.1:5173')).toBe('started')
    expect(ask('A2', 'Alice|http://127.0.0.1:5173')).toBe('queued')
    expect(started).toEqual(['A1', 'B1'])
  })

  it('refuses a connection asking twice, and a limit below 1', () => {
    const { ask } = pool(2)
    ask('c1')
    expect(() => ask('c1')).toThrow('c1 asked the connection pool twice')
    expect(() => new ConnectionPool(0)).toThrow('at least 1')
  })
})
