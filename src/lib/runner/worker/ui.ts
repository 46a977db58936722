// The `ui` helper of the learner realm (declared for the editor in learner-globals.d.ts): each call
// becomes an operation on the page's Output pane. Wrong arguments throw at the learner's own line.
import type { UiOperation } from '../output-model.ts'
import { capText, formatLogValue, MAX_STRING, toLogValue } from '../log-value.ts'
import { MAX_OUTPUT_ITEMS } from '../output-model.ts'

/** what the Output pane shows of a value: strings as they are, anything else as a console would, capped */
const text = (value: unknown): string => capText(typeof value === 'string' ? value : formatLogValue(toLogValue(value)), MAX_STRING)

function need(ok: boolean, message: string): void {
  if (!ok) throw new TypeError(message)
}

/** `send` returns nothing; calls past the run's cap are dropped before they cost anything (see flood-guard.ts) */
export function createUi(send: (operation: UiOperation) => void, allow: () => boolean = () => true) {
  return Object.freeze({
    list(items: unknown) {
      need(Array.isArray(items), 'ui.list(items) needs an array, e.g. ui.list(["one", "two"])')
      // the pane keeps the last MAX_OUTPUT_ITEMS items of a list: only those cross to the page
      if (allow()) send({ op: 'list', items: (items as unknown[]).slice(-MAX_OUTPUT_ITEMS).map(text) })
    },
    append(item: unknown) {
      if (allow()) send({ op: 'append', item: text(item) })
    },
    scoreboard(score: unknown) {
      const s = (score ?? {}) as Record<string, unknown>
      need(typeof s.home === 'string' && typeof s.away === 'string', 'ui.scoreboard({ home, away, homeScore, awayScore }) needs the team names as strings')
      need(
        typeof s.homeScore === 'number' && typeof s.awayScore === 'number',
        'ui.scoreboard({ home, away, homeScore, awayScore }) needs the scores as numbers',
      )
      if (!allow()) return
      send({
        op: 'scoreboard',
        score: {
          home: capText(s.home as string, 200),
          away: capText(s.away as string, 200),
          homeScore: s.homeScore as number,
          awayScore: s.awayScore as number,
          detail: s.detail === undefined ? '' : text(s.detail),
        },
      })
    },
    chat(message: unknown) {
      const m = (message ?? {}) as Record<string, unknown>
      need(m.text !== undefined, 'ui.chat({ from, text }) needs the text of the message')
      if (allow()) send({ op: 'chat', from: m.from === undefined ? '' : capText(text(m.from), 200), text: text(m.text) })
    },
    clear() {
      if (allow()) send({ op: 'clear' })
    },
  })
}
