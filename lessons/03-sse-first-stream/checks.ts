import { causeWords, defineChecks, formatSeconds, isPlainObject, type LoggedCall, type RunQuery } from 'wirelab/checks'

const isScore = (value: unknown) => isPlainObject(value) && typeof value.home === 'number' && typeof value.away === 'number'

/** the calls that logged a score object the event they were handling carried, on an EventSource's stream */
function scoresFromEvents(run: RunQuery): LoggedCall[] {
  const streams = new Set(
    run
      .requests()
      .filter((r) => r.api === 'EventSource')
      .map((r) => r.conn),
  )
  return run.callsHandling(['sse-event']).filter((c) => {
    const event = run.handled(c)
    return event?.kind === 'sse.event' && streams.has(event.conn) && c.values.some(isScore) && run.loggedFromHandled(c)
  })
}

export default defineChecks([
  {
    id: 'logs-three-scores',
    title: 'Log at least 3 score updates as objects (parsed with JSON.parse), each from the event that brought it',
    claims: [28, 34, 35],
    undisturbed: true,
    run(run) {
      const events = run.sseEvents().filter((e) => e.dispatches).length
      const proven = scoresFromEvents(run).length
      if (proven >= 3) return { pass: true, message: `You logged ${proven} score objects out of ${events} events.` }
      const scores = run.calls().filter((c) => c.values.some(isScore))
      const unproven = scores.filter((c) => !scoresFromEvents(run).includes(c))
      if (unproven.length > 0) {
        const first = unproven[0]!
        const polled = first.cause?.kind === 'fetch'
        const why = polled
          ? 'they came from fetch answers: that is polling. The server pushes every update on one stream: open an EventSource on /api/stream'
          : first.cause?.kind === 'sse-event'
            ? `the event your code was handling then carried another score (look at its data in the inspector)`
            : `no event was being handled then. Open an EventSource on /api/stream and log JSON.parse(e.data) in its onmessage`
        return {
          pass: false,
          message: `You logged ${unproven.length} score object${unproven.length === 1 ? '' : 's'} that did not come from the stream's events: the first at ${formatSeconds(first.t)} ${causeWords(run, first)}, and ${why}.`,
        }
      }
      if (events === 0) return { pass: false, message: 'No event reached your code. Open an EventSource on /api/stream.' }
      const strings = run.callsHandling(['sse-event']).filter((c) => typeof c.values[0] === 'string' && c.values[0].trimStart().startsWith('{')).length
      if (strings > 0) {
        return {
          pass: false,
          message: `You logged ${strings} messages, but as text (e.g. '{"match":…}'), not as objects. Parse e.data with JSON.parse before logging it.`,
        }
      }
      return { pass: false, message: `${events} events arrived, but you logged ${proven} score objects from them. Log JSON.parse(e.data) in onmessage.` }
    },
  },
])
