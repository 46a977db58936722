import { describe, expect, it } from 'vitest'
import { Barrier } from '../sim/barrier.ts'
import { Crossings } from './crossings.ts'

describe('crossings: what holds simulated time while a message crosses for real', () => {
  it('a request, its head and its SSE events, each released by what the worker says', () => {
    const barrier = new Barrier()
    const crossings = new Crossings(barrier)
    crossings.requestAnnounced('c1')
    expect(barrier.open).toEqual(['c1/request'])
    crossings.requestArrived('c1')
    crossings.headDelivered('c1')
    crossings.eventDelivered('c1', 1)
    crossings.eventDelivered('c1', 2)
    crossings.eventDelivered('c1', 3)
    expect(barrier.open).toEqual(['c1/head', 'c1/event/1', 'c1/event/2', 'c1/event/3'])
    crossings.headSeen('c1')
    // one acknowledgement covers every event dispatched before it; a stale one changes nothing
    crossings.eventsAcknowledged('c1', 2)
    crossings.eventsAcknowledged('c1', 1)
    expect(barrier.open).toEqual(['c1/event/3'])
    crossings.eventsAcknowledged('c1', 3)
    crossings.streamEnded('c1')
    expect(barrier.open).toEqual(['c1/end'])
    crossings.streamEndSeen('c1')
    expect(barrier.open).toEqual([])
  })

  it('numbers WebSocket events per socket and releases each when its listeners ran', () => {
    const barrier = new Barrier()
    const crossings = new Crossings(barrier)
    expect([crossings.wsEventDelivered('A1'), crossings.wsEventDelivered('A1'), crossings.wsEventDelivered('B1')]).toEqual([1, 2, 1])
    crossings.wsEventAcknowledged('A1', 1)
    expect(barrier.open).toEqual(['A1/ws/2', 'B1/ws/1'])
  })

  it('a connection the learner closed releases all of its crossings, and only its own', () => {
    const barrier = new Barrier()
    const crossings = new Crossings(barrier)
    crossings.headDelivered('c1')
    crossings.eventDelivered('c1', 1)
    crossings.eventDelivered('c12', 1)
    crossings.connectionClosed('c1')
    expect(barrier.open).toEqual(['c12/event/1'])
    crossings.releaseAll()
    expect(barrier.open).toEqual([])
  })
})
