// A pub/sub broker between server instances, modelled on Redis PUBLISH/SUBSCRIBE: a message published
// on a channel goes to every instance subscribed to that channel at that moment, fire-and-forget;
// nothing is stored, so an instance that is not subscribed (or restarting) never gets it. The publish
// and each delivery are trace events carrying the RESP bytes a Redis client and server would exchange.
import type { SimScheduler } from './scheduler.ts'
import type { Trace } from './trace.ts'

const utf8 = new TextEncoder()

/** a RESP array of bulk strings, as Redis clients send commands and servers push messages */
export function respArray(items: readonly string[]): string {
  return `*${items.length}\r\n${items.map((item) => `$${utf8.encode(item).length}\r\n${item}\r\n`).join('')}`
}

/** what an instance holds to talk to the broker */
export interface PubSubClient {
  /** PUBLISH channel message; returns how many subscribers will get it */
  publish(channel: string, message: string): number
  /** SUBSCRIBE channel; `deliver` runs for every message published there from now on; returns UNSUBSCRIBE */
  subscribe(channel: string, deliver: (message: string) => void): () => void
}

interface Subscription {
  instance: string
  deliver: (message: string) => void
}

export class Broker {
  private readonly channels = new Map<string, Subscription[]>()

  constructor(
    private readonly scheduler: SimScheduler,
    private readonly trace: Trace,
    /** one-way simulated ms between an instance and the broker */
    private readonly latencyMs: number,
  ) {}

  /** the connection of instance `instance` ("Server 1") to the broker */
  clientFor(instance: string): PubSubClient {
    return {
      publish: (channel, message) => this.publish(instance, channel, message),
      subscribe: (channel, deliver) => {
        const subscription = { instance, deliver }
        this.channels.set(channel, [...(this.channels.get(channel) ?? []), subscription])
        return () =>
          this.channels.set(
            channel,
            (this.channels.get(channel) ?? []).filter((s) => s !== subscription),
          )
      },
    }
  }

  private publish(from: string, channel: string, message: string): number {
    const t = this.scheduler.now
    const atBroker = t + this.latencyMs
    const wire = respArray(['PUBLISH', channel, message])
    // who is subscribed when the command reaches the broker, not when it was sent; with a fixed latency
    // the two agree, so the count Redis would answer is known now
    const receivers = [...(this.channels.get(channel) ?? [])]
    this.trace.append({
      kind: 'pubsub.publish',
      t,
      arrives: atBroker,
      conn: '',
      from: 'server',
      to: 'broker',
      server: from,
      bytes: utf8.encode(wire).length,
      channel,
      message,
      wire,
      receivers: receivers.length,
    })
    const push = respArray(['message', channel, message])
    this.scheduler.at(
      atBroker,
      () => {
        for (const sub of receivers) {
          const arrives = atBroker + this.latencyMs
          this.trace.append({
            kind: 'pubsub.deliver',
            t: atBroker,
            arrives,
            conn: '',
            from: 'broker',
            to: 'server',
            server: sub.instance,
            bytes: utf8.encode(push).length,
            channel,
            message,
            wire: push,
          })
          this.scheduler.at(arrives, () => sub.deliver(message), { label: `broker: deliver to ${sub.instance}` })
        }
      },
      { label: `broker: ${channel}` },
    )
    return receivers.length
  }
}
