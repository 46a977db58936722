import { defineChecks } from 'wirelab/checks'

const UPDATES = 8

export default defineChecks([
  {
    id: 'every-update-once',
    title: `Log all ${UPDATES} updates exactly once, across the dropped connection`,
    claims: [33],
    run(run) {
      const ids = run.logged().flatMap((values) => {
        const match = typeof values[0] === 'string' ? /^#(\d+) /.exec(values[0]) : null
        return match ? [Number(match[1])] : []
      })
      const missing = Array.from({ length: UPDATES }, (_, i) => i + 1).filter((id) => !ids.includes(id))
      const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]
      if (twice.length) return { pass: false, message: `Update #${twice[0]} was logged twice.` }
      if (missing.length) {
        return {
          pass: false,
          message: `Updates ${missing.map((id) => `#${id}`).join(', ')} never reached your log. Closing the EventSource on error stops the browser from reconnecting.`,
        }
      }
      return { pass: true, message: `All ${UPDATES} updates, each once: the reconnection replayed what was missed.` }
    },
  },
  {
    id: 'reconnected-with-last-event-id',
    title: 'Let the browser reconnect: it sends Last-Event-ID and the server replays',
    claims: [33],
    run(run) {
      const resumed = run.requests().filter((r) => r.headers.some((h) => h.name === 'Last-Event-ID'))
      if (resumed.length === 0) return { pass: false, message: 'The browser never reconnected. Do not call es.close() when the connection drops.' }
      const id = resumed[0]!.headers.find((h) => h.name === 'Last-Event-ID')!.value
      return {
        pass: true,
        message: `Reconnected with Last-Event-ID: ${id}; the server replayed ${run.serverStat('replayed')} missed event${run.serverStat('replayed') === 1 ? '' : 's'}.`,
      }
    },
  },
  {
    id: 'tells-reconnecting-from-closed',
    title: 'Log "Reconnecting…" on a drop and "Full time" when the server ends it for good',
    claims: [33],
    run(run) {
      const lines = run.loggedLines()
      const reconnecting = lines.filter((l) => l === 'Reconnecting…').length
      const fullTime = lines.filter((l) => l === 'Full time').length
      if (reconnecting === 0) return { pass: false, message: 'No "Reconnecting…" was logged. In onerror, check es.readyState === EventSource.CONNECTING.' }
      if (fullTime !== 1)
        return {
          pass: false,
          message: `"Full time" was logged ${fullTime} times; log it once, when es.readyState === EventSource.CLOSED (after the server's 204).`,
        }
      if (lines.indexOf('Full time') !== lines.length - 1) return { pass: false, message: '"Full time" must be the last thing you log.' }
      return { pass: true, message: `"Reconnecting…" ${reconnecting} time${reconnecting === 1 ? '' : 's'}, then "Full time".` }
    },
  },
])
