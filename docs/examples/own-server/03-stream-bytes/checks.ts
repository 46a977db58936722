import { defineChecks } from 'wirelab/checks'

export default defineChecks([
  {
    id: 'logs-each-line',
    title: 'Log each line of each verse as <id>.<n> <line>, while handling its event',
    run(run) {
      const verses = run.sseEvents().filter((e) => e.dispatches)
      if (verses.length === 0) return { pass: false, message: 'No event reached your code: open an EventSource on /api/poem.' }
      for (const verse of verses) {
        const lines = (verse.fields.data ?? '').split('\n')
        const logged = run
          .callsHandling(['sse-event'])
          .filter((c) => c.cause?.event === verse.seq)
          .map((c) => c.values.map(String).join(' '))
        const expected = lines.map((line, i) => `${verse.fields.id}.${i + 1} ${line}`)
        if (logged.join('\n') !== expected.join('\n'))
          return {
            pass: false,
            message: `Verse ${verse.fields.id} has ${lines.length} lines; while handling it you logged ${logged.length} line(s)${logged[0] ? `, the first "${logged[0]}"` : ''}. Split e.data on "\\n" and number each line.`,
          }
      }
      return { pass: true, message: `${verses.length} verses, every line logged from its event.` }
    },
  },
  {
    id: 'closes-after-last',
    title: 'Close the EventSource when verse 4 has arrived (no reconnection)',
    run(run) {
      const reconnections = run.requests().filter((r) => r.target.startsWith('/api/poem')).length - 1
      const closed = run.record.trace.some((e) => e.kind === 'conn.close' && e.from === 'client')
      if (reconnections > 0) return { pass: false, message: `The browser reconnected ${reconnections} time(s) after the stream ended: close it yourself.` }
      if (!closed) return { pass: false, message: 'Your code never closed the EventSource.' }
      return { pass: true, message: 'Closed after the last verse: no reconnection.' }
    },
  },
])
