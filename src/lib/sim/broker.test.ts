import { describe, expect, it } from 'vitest'
import { Broker, respArray } from './broker.ts'
import { SimScheduler } from './scheduler.ts'
import { Trace } from './trace.ts'

describe('pub/sub broker', () => {
  it('encodes commands and pushes as RESP arrays of bulk strings (byte lengths, not characters)', () => {
    expect(respArray(['PUBLISH', 'chat', 'hi'])).toBe('*3\r\n$7\r\nPUBLISH\r\n$4\r\nchat\r\n$2\r\nhi\r\n')
    expect(respArray(['message', 'chat', 'é'])).toBe('*3\r\n$7\r\nmessage\r\n$4\r\nchat\r\n$2\r\né\r\n')
  })

  it('fans a message out to every subscriber of the channel, after the broker latency both ways', () => {
    const scheduler = new SimScheduler()
    const trace = new Trace()
    const broker = new Broker(scheduler, trace, 2)
    const got: string[] = []
    broker.clientFor('Server 1').subscribe('chat', (m) => got.push(`1@${scheduler.now}:${m}`))
    broker.clientFor('Server 2').subscribe('chat', (m) => got.push(`2@${scheduler.now}:${m}`))
    broker.clientFor('Server 2').subscribe('other', (m) => got.push(`other:${m}`))
    scheduler.runDue(10)
    expect(broker.clientFor('Server 1').publish('chat', 'hello')).toBe(2)
    scheduler.runDue(100)
    expect(got).toEqual(['1@14:hello', '2@14:hello'])
    expect(trace.events.map((e) => [e.kind, e.from, e.to, e.server, e.t, e.arrives])).toEqual([
      ['pubsub.publish', 'server', 'broker', 'Server 1', 10, 12],
      ['pubsub.deliver', 'broker', 'server', 'Server 1', 12, 14],
      ['pubsub.deliver', 'broker', 'server', 'Server 2', 12, 14],
    ])
    const publish = trace.ofKind('pubsub.publish')[0]!
    expect(publish.bytes).toBe(publish.wire.length)
    expect(publish.receivers).toBe(2)
  })

  it('stores nothing: a channel nobody listens to swallows the message', () => {
    const scheduler = new SimScheduler()
    const trace = new Trace()
    const broker = new Broker(scheduler, trace, 1)
    expect(broker.clientFor('Server 1').publish('chat', 'lost')).toBe(0)
    const got: string[] = []
    broker.clientFor('Server 2').subscribe('chat', (m) => got.push(m))
    scheduler.runDue(100)
    expect(got).toEqual([])
    expect(trace.events.map((e) => e.kind)).toEqual(['pubsub.publish'])
  })
})
