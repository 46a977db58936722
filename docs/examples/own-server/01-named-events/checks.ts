import { defineChecks, type LoggedCall, type RunQuery } from 'wirelab/checks'

/** the named events of one type that reached the code, and the lines logged while handling each */
function handledOfType(run: RunQuery, type: string) {
  const events = run.sseEvents().filter((e) => e.dispatches && e.fields.event === type)
  const linesFor = (seq: number) => run.callsHandling(['sse-event']).filter((c: LoggedCall) => c.cause?.event === seq)
  return events.map((event) => ({ event, data: JSON.parse(event.fields.data ?? '{}') as Record<string, unknown>, calls: linesFor(event.seq) }))
}

const text = (call: LoggedCall) => call.values.map(String).join(' ')

export default defineChecks([
  {
    id: 'logs-goals',
    title: "Log each goal as GOAL <minute>' <team>, while handling its goal event",
    run(run) {
      const goals = handledOfType(run, 'goal')
      if (goals.length === 0) return { pass: false, message: 'No goal event reached your code: no listener for the "goal" type?' }
      const wrong = goals.filter((g) => !g.calls.some((c) => text(c) === `GOAL ${g.data.minute}' ${g.data.team}`))
      if (wrong.length === 0) return { pass: true, message: `All ${goals.length} goals logged from their events.` }
      const first = wrong[0]!
      return {
        pass: false,
        message:
          first.calls.length === 0
            ? `The goal of minute ${first.data.minute} arrived but your code logged nothing while handling it. Use addEventListener('goal', …).`
            : `While handling the goal of minute ${first.data.minute} you logged "${text(first.calls[0]!)}": build the line from that event's data.`,
      }
    },
  },
  {
    id: 'logs-cards',
    title: "Log each card as <COLOUR> CARD <minute>' <team>, while handling its card event",
    run(run) {
      const cards = handledOfType(run, 'card')
      if (cards.length === 0) return { pass: false, message: 'No card event reached your code: no listener for the "card" type?' }
      const expected = (d: Record<string, unknown>) => `${String(d.colour).toUpperCase()} CARD ${d.minute}' ${d.team}`
      const wrong = cards.filter((c) => !c.calls.some((call) => text(call) === expected(c.data)))
      if (wrong.length === 0) return { pass: true, message: `All ${cards.length} cards logged from their events.` }
      return { pass: false, message: `The card of minute ${wrong[0]!.data.minute} was not logged from its event (${wrong.length} of ${cards.length} missing).` }
    },
  },
  {
    id: 'no-other-lines',
    title: 'Log nothing else (no plain minute events, nothing invented)',
    run(run) {
      const extra = run.calls().filter((c) => {
        const handled = run.handled(c)
        return !(handled?.kind === 'sse.event' && (handled.fields.event === 'goal' || handled.fields.event === 'card'))
      })
      if (extra.length === 0) return { pass: true, message: 'Only goals and cards, each from its event.' }
      return {
        pass: false,
        message: `${extra.length} line(s) came from elsewhere, e.g. "${text(extra[0]!)}" at ${extra[0]!.t} ms: log only inside the goal and card listeners.`,
      }
    },
  },
])
