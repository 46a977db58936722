import { defineChecks, differenceWords, formatSeconds, lineOf, normalize, sameText, whenAndWhere, type LoggedCall, type RunQuery } from 'wirelab/checks'

const GREETING = 'Hi, anyone on the other server?'
const REPLY = 'Hello from Server 2!'
const NO_BROKER =
  'she is on Server 1 and he is on Server 2, and without the pub/sub broker Server 1 only tells its own clients. Turn on "Broker between servers".'
/** why nothing crossed between the instances: no broker in this run, or a server.ts that does not publish */
const notPublished = (run: RunQuery, speaker: string, server: string) =>
  run.brokerOn
    ? `${server} never published ${speaker}'s message on the broker: in server.ts, publish what a client sends (server.publish('chat', json)) instead of sending it only to this instance's clients.`
    : NO_BROKER

/** the text field of a chat message's JSON */
function chatText(run: RunQuery, event: Parameters<RunQuery['json']>[0]): string | undefined {
  const message = run.json(event) as { text?: unknown } | undefined
  return typeof message?.text === 'string' ? message.text : undefined
}

/** the broker carried `text` to `server`: its deliveries of a chat message with that text */
const deliveries = (run: RunQuery, server: string, text: string) =>
  run.brokerEvents().filter((e) => e.kind === 'pubsub.deliver' && e.server === server && chatText(run, e) === text)

/**
 * The frames `server` sent to `client` carrying `text` after the broker delivered that message to
 * `server`: the only way a message from the other instance reaches this client.
 */
function framesViaBroker(run: RunQuery, client: string, server: string, text: string) {
  const delivered = deliveries(run, server, text)
  return run
    .wsFrames({ from: 'server', opcode: 'text' })
    .filter((f) => f.client === client && f.server === server && chatText(run, f) === text && delivered.some((d) => d.message === f.text && d.arrives <= f.t))
}

/** the client's console calls made while handling one of these frames, logging what it carried */
function loggedFrom(run: RunQuery, client: string, frames: ReturnType<typeof framesViaBroker>): LoggedCall[] {
  const seqs = new Set(frames.map((f) => f.seq))
  return run.callsHandling(['ws-event'], client).filter((c) => c.cause?.event !== undefined && seqs.has(c.cause.event) && run.loggedFromHandled(c))
}

/** a client's lines that mention `text`, however they were made */
const linesWith = (run: RunQuery, client: string, text: string) => run.calls(client).filter((c) => normalize(lineOf(c)).includes(normalize(text)))

/** Bob's WebSocket was accepted (a 101 went back to him) */
const bobConnected = (run: RunQuery) => run.responses().some((r) => r.client === 'Bob' && r.status === 101)

const published = (run: RunQuery, text: string) => run.brokerEvents().some((e) => e.kind === 'pubsub.publish' && chatText(run, e) === text)

export default defineChecks([
  {
    id: 'alice-greets',
    title: 'Only Alice greets, once her connection is open',
    undisturbed: true,
    run(run) {
      if (run.errors.some((e) => e.includes('CONNECTING')))
        return { pass: false, message: 'send() threw "Still in CONNECTING state": wait for the open event before sending.' }
      const sent = run.wsFrames({ from: 'client', opcode: 'text' })
      const greetings = sent.filter((f) => sameText(f.text ?? '', GREETING))
      if (greetings.some((f) => f.client === 'Bob')) return { pass: false, message: 'Bob sent the greeting too. Check client.name: only Alice greets.' }
      const alice = greetings.find((f) => f.client === 'Alice')
      if (alice) return { pass: true, message: `Alice greeted from ${alice.server ?? 'her server'}.` }
      const other = sent.find((f) => f.client === 'Alice')
      if (other)
        return {
          pass: false,
          message: `Alice sent ${JSON.stringify(other.text)}, not the greeting the task asks for: ${differenceWords(GREETING, other.text ?? '')}.`,
        }
      return { pass: false, message: 'Alice never sent her greeting: when client.name is "Alice", send it once her connection is open (ws.onopen).' }
    },
  },
  {
    id: 'server-publishes',
    title: 'The server publishes each message a client sends, the moment it arrives',
    claims: [26],
    undisturbed: true,
    run(run) {
      const greeting = run.wsFrames({ from: 'client', opcode: 'text' }).find((f) => f.client === 'Alice' && sameText(f.text ?? '', GREETING))
      if (!greeting) return { pass: false, message: 'Alice never sent her greeting (see the check above), so there was nothing to publish.' }
      if (!run.brokerOn) return { pass: false, message: 'This run had no broker between the servers: tick "Broker between servers" and run again.' }
      const where = greeting.server ?? 'Her server'
      const publishes = run.brokerEvents().filter((e) => e.kind === 'pubsub.publish' && chatText(run, e) === GREETING)
      const onArrival = publishes.find((p) => p.server === greeting.server && p.t === greeting.arrives)
      if (onArrival) return { pass: true, message: `${where} published the greeting on "${onArrival.channel}" the moment Alice's frame arrived.` }
      const first = publishes[0]
      if (first)
        return {
          pass: false,
          message: `The greeting was published at ${formatSeconds(first.t)} by ${first.server ?? 'a server'}, not by ${where} when Alice's frame arrived (${formatSeconds(greeting.arrives)}): publish from the socket's message handler in server.ts, with what the client sent.`,
        }
      return {
        pass: false,
        message: `${where} received Alice's greeting at ${formatSeconds(greeting.arrives)} and published nothing: in server.ts, publish each message a client sends (server.publish) instead of sending it only to this instance's clients.`,
      }
    },
  },
  {
    id: 'bob-hears-alice',
    title: "Bob hears Alice's greeting, though they are on different servers",
    claims: [25, 26],
    undisturbed: true,
    run(run) {
      const greeted = run.wsFrames({ from: 'client', opcode: 'text' }).some((f) => f.client === 'Alice' && sameText(f.text ?? '', GREETING))
      if (!greeted) return { pass: false, message: 'Alice never sent her greeting (see the check above), so Bob had nothing to hear.' }
      // without a broker nothing is published: whatever Bob logged, it cannot have come from Alice
      if (!published(run, GREETING)) return { pass: false, message: `Bob never heard Alice: ${notPublished(run, 'Alice', 'Server 1')}` }
      if (deliveries(run, 'Server 2', GREETING).length === 0)
        return {
          pass: false,
          message:
            "Server 1 published the greeting, but the broker delivered it to no subscriber on Server 2: in server.ts, subscribe every instance to the 'chat' channel (server.subscribe) when it starts.",
        }
      const frames = framesViaBroker(run, 'Bob', 'Server 2', GREETING)
      if (loggedFrom(run, 'Bob', frames).length > 0) return { pass: true, message: 'The greeting went Server 1 → broker → Server 2 → Bob.' }
      const written = linesWith(run, 'Bob', GREETING)[0]
      if (written)
        return {
          pass: false,
          message: `Bob's line with the greeting was logged ${whenAndWhere(run, written)}: it did not come from a frame Server 2 sent him after the broker delivered the greeting. Log every message in ws.onmessage, from e.data.`,
        }
      if (frames.length === 0 && !bobConnected(run))
        return {
          pass: false,
          message:
            "The broker delivered the greeting to Server 2, but Server 2 had no open connection of Bob's to send it to: open Bob's WebSocket too, and keep it open.",
        }
      if (frames.length === 0)
        return {
          pass: false,
          message:
            "The broker delivered the greeting to Server 2, but Server 2 did not send it on to Bob: in server.ts, send what the broker delivers to every socket of this instance (server.sockets('/chat')).",
        }
      return {
        pass: false,
        message: `Server 2 sent Bob the greeting at ${formatSeconds(frames[0]!.t)}, but Bob did not log it. Log every message in ws.onmessage as from: text.`,
      }
    },
  },
  {
    id: 'alice-hears-bob',
    title: `Bob answers "${REPLY}" and Alice hears it`,
    claims: [26],
    undisturbed: true,
    run(run) {
      const greetingAtBob = framesViaBroker(run, 'Bob', 'Server 2', GREETING)[0]
      const replies = run.wsFrames({ from: 'client', opcode: 'text' }).filter((f) => f.client === 'Bob' && sameText(f.text ?? '', REPLY))
      if (replies.length === 0) {
        if (!greetingAtBob && !published(run, GREETING) && run.wsFrames({ from: 'client' }).some((f) => f.client === 'Alice'))
          return { pass: false, message: `Bob never got the greeting to answer: ${notPublished(run, 'Alice', 'Server 1')}` }
        const other = run.wsFrames({ from: 'client', opcode: 'text' }).find((f) => f.client === 'Bob')
        if (other)
          return {
            pass: false,
            message: `Bob sent ${JSON.stringify(other.text)}, not the reply the task asks for: ${differenceWords(REPLY, other.text ?? '')}.`,
          }
        return { pass: false, message: 'Bob never sent his reply. When Bob receives the greeting (ws.onmessage), send the reply.' }
      }
      const reply = replies[0]!
      if (!greetingAtBob || reply.t < greetingAtBob.arrives)
        return {
          pass: false,
          message: `Bob sent his reply at ${formatSeconds(reply.t)}, before the greeting reached him${greetingAtBob ? ` (at ${formatSeconds(greetingAtBob.arrives)})` : ' (it never did)'}: send it from ws.onmessage, when the greeting arrives.`,
        }
      if (!published(run, REPLY)) return { pass: false, message: `Alice never heard Bob: ${notPublished(run, 'Bob', 'Server 2')}` }
      const frames = framesViaBroker(run, 'Alice', 'Server 1', REPLY)
      if (loggedFrom(run, 'Alice', frames).length > 0) return { pass: true, message: 'A round trip across two servers, through the broker both ways.' }
      const written = linesWith(run, 'Alice', REPLY)[0]
      if (written)
        return {
          pass: false,
          message: `Alice's line with Bob's reply was logged ${whenAndWhere(run, written)}: it did not come from a frame Server 1 sent her after the broker delivered the reply. Log every message in ws.onmessage, from e.data.`,
        }
      return { pass: false, message: "Alice did not log Bob's reply. Log every message in ws.onmessage as from: text." }
    },
  },
])
