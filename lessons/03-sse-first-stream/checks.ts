import { defineChecks, isPlainObject } from 'wirelab/checks'

const isScore = (value: unknown) => isPlainObject(value) && typeof value.home === 'number' && typeof value.away === 'number'

export default defineChecks([
  {
    id: 'logs-three-scores',
    title: 'Log at least 3 score updates as objects (parsed with JSON.parse)',
    claims: [28, 34, 35],
    run(run) {
      const events = run.sseEvents().filter((e) => e.dispatches).length
      const calls = run.logged()
      const scores = calls.filter((values) => values.some(isScore)).length
      if (scores >= 3) return { pass: true, message: `You logged ${scores} score objects out of ${events} events.` }
      if (events === 0) return { pass: false, message: 'No event reached your code. Open an EventSource on /api/stream.' }
      const strings = calls.filter((values) => typeof values[0] === 'string' && values[0].trimStart().startsWith('{')).length
      if (strings > 0) {
        return {
          pass: false,
          message: `You logged ${strings} messages, but as text (e.g. '{"match":…}'), not as objects. Parse e.data with JSON.parse before logging it.`,
        }
      }
      return { pass: false, message: `${events} events arrived, but you logged ${scores} score objects. Log JSON.parse(e.data) in onmessage.` }
    },
  },
])
