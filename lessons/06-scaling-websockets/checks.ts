import { defineChecks } from 'wirelab/checks'

const GREETING = 'Hi, anyone on the other server?'
const REPLY = 'Hello from Server 2!'

export default defineChecks([
  {
    id: 'alice-greets',
    title: 'Only Alice greets, once her connection is open',
    run(run) {
      if (run.errors.some((e) => e.includes('CONNECTING')))
        return { pass: false, message: 'send() threw "Still in CONNECTING state": wait for the open event before sending.' }
      const greetings = run.wsFrames({ from: 'client', opcode: 'text' }).filter((f) => f.text === GREETING)
      const bob = greetings.filter((f) => f.client === 'Bob').length
      if (bob > 0) return { pass: false, message: `Bob sent the greeting too. Check client.name: only Alice should send "${GREETING}".` }
      if (!greetings.some((f) => f.client === 'Alice')) return { pass: false, message: `Alice never sent "${GREETING}".` }
      return { pass: true, message: `Alice greeted from ${greetings[0]!.server ?? 'her server'}.` }
    },
  },
  {
    id: 'bob-hears-alice',
    title: "Bob hears Alice's greeting, though they are on different servers",
    claims: [25, 26],
    run(run) {
      const heard = run.loggedLines('Bob').some((line) => line.endsWith(`: ${GREETING}`))
      if (heard) return { pass: true, message: 'The greeting went Server 1 → broker → Server 2 → Bob.' }
      if (run.brokerEvents().length === 0)
        return {
          pass: false,
          message:
            'Bob never heard Alice: she is on Server 1 and he is on Server 2, and without the pub/sub broker Server 1 only tells its own clients. Turn on "Broker between servers".',
        }
      return { pass: false, message: `Bob did not log Alice's greeting. Log every message as \`\${from}: \${text}\`.` }
    },
  },
  {
    id: 'alice-hears-bob',
    title: `Bob answers "${REPLY}" and Alice hears it`,
    claims: [26],
    run(run) {
      if (!run.wsFrames({ from: 'client', opcode: 'text' }).some((f) => f.client === 'Bob' && f.text === REPLY))
        return { pass: false, message: `Bob never sent "${REPLY}". When Bob receives the greeting, send the reply.` }
      if (!run.loggedLines('Alice').some((line) => line.endsWith(`: ${REPLY}`))) return { pass: false, message: "Alice did not log Bob's reply." }
      return { pass: true, message: 'A round trip across two servers, through the broker both ways.' }
    },
  },
])
