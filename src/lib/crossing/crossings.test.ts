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

  it('crossings towards the code take turns across connections, in the order they were held', async () => {
    const barrier = new Barrier()
    const crossings = new Crossings(barrier)
    const arrived: string[] = []
    const deliver = (what: string, turn: Promise<void>) => void turn.then(() => arrived.push(what))
    // one simulated instant: the chat socket closes, the stream ends, the long poll fails (lesson 07's fault)
    crossings.requestAnnounced('c9')
    crossings.wsEventDelivered('c3')
    crossings.streamEnded('c1')
    crossings.headDelivered('c2')
    crossings.eventDelivered('c3', 1)
    // real time brings them in another order: each still waits for the ones held before it
    deliver('poll fails', crossings.headsTurn('c2'))
    deliver('stream ends', crossings.endsTurn('c1'))
    deliver('socket closes', crossings.wsTurn('c3', 1))
    await Promise.resolve()
    // a request on its way to the server never holds back a delivery
    expect(arrived).toEqual(['socket closes'])
    crossings.wsEventAcknowledged('c3', 1)
    await Promise.resolve()
    expect(arrived).toEqual(['socket closes', 'stream ends'])
    crossings.streamEndSeen('c1')
    await Promise.resolve()
    expect(arrived).toEqual(['socket closes', 'stream ends', 'poll fails'])
    // held after the poll's head: waits for its acknowledgement
    deliver('c3 event', crossings.eventsTurn('c3', 1))
    await Promise.resolve()
    expect(arrived.at(-1)).toBe('poll fails')
    crossings.headSeen('c2')
    await Promise.resolve()
    expect(arrived.at(-1)).toBe('c3 event')
    // a connection's later crossing never waits for its own earlier one (their path keeps their order)
    crossings.eventsAcknowledged('c3', 1)
    crossings.headDelivered('c4')
    crossings.eventDelivered('c4', 1)
    deliver('c4 event', crossings.eventsTurn('c4', 1))
    await Promise.resolve()
    expect(arrived.at(-1)).toBe('c4 event')
  })

  it('a wait that gives up on a lost acknowledgement lets every delivery behind it go', async () => {
    const barrier = new Barrier()
    const crossings = new Crossings(barrier)
    crossings.headDelivered('c1')
    crossings.headDelivered('c2')
    let went = false
    void crossings.headsTurn('c2').then(() => (went = true))
    const stuck = await barrier.settle(10, (fn) => {
      fn()
      return 0
    })
    await Promise.resolve()
    expect(stuck).toEqual({ stuck: ['c1/head', 'c2/head'] })
    expect(went).toBe(true)
  })
})
