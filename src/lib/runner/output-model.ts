// The Output pane's content: what the learner's code showed through the `ui` helper (a worker has no
// page of its own). Pure data: the worker sends operations, the page folds them into this view.

export interface ScoreView {
  home: string
  away: string
  homeScore: number
  awayScore: number
  detail: string
}

export type UiOperation =
  | { op: 'list'; items: string[] }
  | { op: 'append'; item: string }
  | { op: 'scoreboard'; score: ScoreView }
  | { op: 'chat'; from: string; text: string }
  | { op: 'clear' }

export interface OutputView {
  list: string[]
  score: ScoreView | null
  chat: Array<{ from: string; text: string; t: number }>
  /** items dropped from the front of the list and chat to keep them short */
  dropped: number
}

/** the list and the chat keep this many items; older ones are dropped */
export const MAX_OUTPUT_ITEMS = 500

export const emptyOutput = (): OutputView => ({ list: [], score: null, chat: [], dropped: 0 })

function capped<T>(items: T[], view: OutputView): T[] {
  const over = items.length - MAX_OUTPUT_ITEMS
  if (over <= 0) return items
  view.dropped += over
  return items.slice(over)
}

/** the view after one operation at simulated time `t` (a new object; the old one is not changed) */
export function applyUi(previous: OutputView, operation: UiOperation, t: number): OutputView {
  const view = { ...previous }
  switch (operation.op) {
    case 'list':
      view.list = capped(operation.items.slice(), view)
      break
    case 'append':
      view.list = capped([...view.list, operation.item], view)
      break
    case 'scoreboard':
      view.score = operation.score
      break
    case 'chat':
      view.chat = capped([...view.chat, { from: operation.from, text: operation.text, t }], view)
      break
    case 'clear':
      return emptyOutput()
  }
  return view
}

export function isEmptyOutput(view: OutputView): boolean {
  return view.list.length === 0 && view.score === null && view.chat.length === 0
}
