import { describe, expect, it } from 'vitest'
import { LearnerConnections, DEFAULT_RETRY_MS } from './connections.ts'
import { SimScheduler } from '../sim/scheduler.ts'
import { Crossings } from '../crossing/crossings.ts'
import { Barrier } from '../sim/barrier.ts'

function setup() {
  const scheduler = new SimScheduler()
  const barrier = new Barrier()
  return { scheduler, barrier, connections: new LearnerConnections(scheduler, new Crossings(barrier)) }
}

describe('learner connections', () => {
  it("hands the worker's announcement to the request, also when the request came first", async () => {
    const { connections, barrier } = setup()
    const early = connections.nextRequest(1)
    connections.opened(1, 'fetch', 250)
    expect(await early).toEqual({ sentAt: 250, api: 'fetch', attempt: 1, lastEventId: '' })
    expect(barrier.open).toEqual(['c1/request'])
  })

  it('schedules an EventSource reconnection after the retry, with the last event id', async () => {
    const { connections, scheduler } = setup()
    connections.opened(2, 'EventSource', 0)
    await connections.nextRequest(2)
    connections.sseDelivered(2, { text: 'retry: 1500\n\n', seq: 10, dispatched: [], lastEventId: '', retry: 1500 })
    expect(connections.sseDelivered(2, { text: 'id: 7\ndata: x\n\n', seq: 11, dispatched: ['message'], lastEventId: '7', retry: 1500 })).toEqual([1])
    scheduler.runDue(4000)
    connections.streamEnded(2)
    const next = connections.nextRequest(2)
    scheduler.runDue(5499)
    scheduler.runDue(5500)
    expect(await next).toEqual({ sentAt: 5500, api: 'EventSource', attempt: 2, lastEventId: '7' })
    expect(connections.currentName(2)).toBe('c2.2')
  })

  it('uses the browser default of 3 s without retry, and never reconnects after close() or a failure', async () => {
    const { connections, scheduler } = setup()
    connections.opened(1, 'EventSource', 0)
    connections.opened(2, 'EventSource', 0)
    await Promise.all([connections.nextRequest(1), connections.nextRequest(2)])
    connections.streamEnded(1)
    connections.finish(2)
    connections.streamEnded(2)
    scheduler.runDue(DEFAULT_RETRY_MS)
    expect(await connections.nextRequest(1)).toMatchObject({ sentAt: DEFAULT_RETRY_MS, attempt: 2 })
    expect(await connections.nextRequest(2)).toBeNull()
  })
})
