// The `ui` helper of the learner realm (declared for the editor in learner-globals.d.ts): each call
// becomes an operation on the page's Output pane. Wrong arguments throw at the learner's own line.
import type { UiOperation } from '../output-model.ts'
import { formatLogValue, toLogValue } from '../log-value.ts'

const text = (value: unknown): string => (typeof value === 'string' ? value : formatLogValue(toLogValue(value)))

function need(ok: boolean, message: string): void {
  if (!ok) throw new TypeError(message)
}

export function createUi(send: (operation: UiOperation) => void) {
  return Object.freeze({
    list(items: unknown) {
      need(Array.isArray(items), 'ui.list(items) needs an array, e.g. ui.list(["one", "two"])')
      send({ op: 'list', items: (items as unknown[]).map(text) })
    },
    append(item: unknown) {
      send({ op: 'append', item: text(item) })
    },
    scoreboard(score: unknown) {
      const s = (score ?? {}) as Record<string, unknown>
      need(typeof s.home === 'string' && typeof s.away === 'string', 'ui.scoreboard({ home, away, homeScore, awayScore }) needs the team names as strings')
      need(
        typeof s.homeScore === 'number' && typeof s.awayScore === 'number',
        'ui.scoreboard({ home, away, homeScore, awayScore }) needs the scores as numbers',
      )
      send({
        op: 'scoreboard',
        score: {
          home: s.home as string,
          away: s.away as string,
          homeScore: s.homeScore as number,
          awayScore: s.awayScore as number,
          detail: s.detail === undefined ? '' : text(s.detail),
        },
      })
    },
    chat(message: unknown) {
      const m = (message ?? {}) as Record<string, unknown>
      need(m.text !== undefined, 'ui.chat({ from, text }) needs the text of the message')
      send({ op: 'chat', from: m.from === undefined ? '' : text(m.from), text: text(m.text) })
    },
    clear() {
      send({ op: 'clear' })
    },
  })
}
