// A learner's progress in one lesson, as stored and exported: the last run's check results, the answers
// to the questions, when the lesson was solved and last visited. Values read back from storage or from
// a file are untrusted: `parseProgress` checks every field and builds a new object (never a cast).
// Two tabs may save the same lesson: `mergeProgress` keeps what each knows (nothing to ask the learner,
// unlike code, which cannot be merged).

export interface SavedCheck {
  id: string
  pass: boolean
  message: string
}

export interface SavedAnswer {
  /** the options chosen, by index */
  chosen: number[]
  /** whether "Check answer" was pressed for this choice (the grade is worked out again from it) */
  checked: boolean
  /** when it was chosen or checked (ms since 1970): the later answer wins when two tabs differ */
  at: number
}

export interface LessonProgress {
  /** the check results of the last run that ended, and when */
  lastRun: { at: number; results: SavedCheck[] } | null
  /** when every check first passed with every question answered right (it stays solved) */
  solvedAt: number | null
  visitedAt: number | null
  /** by question id */
  answers: Record<string, SavedAnswer>
}

export const emptyProgress = (): LessonProgress => ({ lastRun: null, solvedAt: null, visitedAt: null, answers: {} })

/** caps on what is read back: a stored or imported value beyond them is damaged, not progress */
const MAX_TEXT = 2000
const MAX_ITEMS = 200
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export class ProgressError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path} ${problem}`)
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const ownKeys = (v: Record<string, unknown>) => Object.keys(v)

function time(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 8.64e15) throw new ProgressError(path, 'is not a time')
  return v
}
const optionalTime = (v: unknown, path: string) => (v === null ? null : time(v, path))

function text(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.length > MAX_TEXT) throw new ProgressError(path, `is not a text of at most ${MAX_TEXT} characters`)
  return v
}

function only(v: Record<string, unknown>, allowed: string[], path: string): void {
  const extra = ownKeys(v).filter((k) => !allowed.includes(k))
  if (extra.length) throw new ProgressError(path, `has unknown fields: ${extra.join(', ')}`)
}

function savedCheck(v: unknown, path: string): SavedCheck {
  if (!isRecord(v)) throw new ProgressError(path, 'is not a check result')
  only(v, ['id', 'pass', 'message'], path)
  if (typeof v.pass !== 'boolean') throw new ProgressError(`${path}.pass`, 'is not true or false')
  return { id: text(v.id, `${path}.id`), pass: v.pass, message: text(v.message, `${path}.message`) }
}

function savedAnswer(v: unknown, path: string): SavedAnswer {
  if (!isRecord(v)) throw new ProgressError(path, 'is not an answer')
  only(v, ['chosen', 'checked', 'at'], path)
  if (!Array.isArray(v.chosen) || v.chosen.length > MAX_ITEMS || !v.chosen.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < 100)) {
    throw new ProgressError(`${path}.chosen`, 'is not a list of option numbers')
  }
  if (typeof v.checked !== 'boolean') throw new ProgressError(`${path}.checked`, 'is not true or false')
  return { chosen: [...(v.chosen as number[])], checked: v.checked, at: time(v.at, `${path}.at`) }
}

/** a lesson's progress read from untrusted JSON; throws a ProgressError naming the first bad field */
export function parseProgress(v: unknown, path = 'progress'): LessonProgress {
  if (!isRecord(v)) throw new ProgressError(path, 'is not a progress record')
  only(v, ['lastRun', 'solvedAt', 'visitedAt', 'answers'], path)
  let lastRun: LessonProgress['lastRun'] = null
  if (v.lastRun !== null && v.lastRun !== undefined) {
    if (!isRecord(v.lastRun)) throw new ProgressError(`${path}.lastRun`, 'is not a run')
    only(v.lastRun, ['at', 'results'], `${path}.lastRun`)
    const results = v.lastRun.results
    if (!Array.isArray(results) || results.length > MAX_ITEMS) throw new ProgressError(`${path}.lastRun.results`, 'is not a list of check results')
    lastRun = { at: time(v.lastRun.at, `${path}.lastRun.at`), results: results.map((r, i) => savedCheck(r, `${path}.lastRun.results[${i}]`)) }
  }
  const answers: Record<string, SavedAnswer> = {}
  if (v.answers !== undefined) {
    if (!isRecord(v.answers) || ownKeys(v.answers).length > MAX_ITEMS) throw new ProgressError(`${path}.answers`, 'is not a set of answers')
    for (const id of ownKeys(v.answers)) {
      // question ids are lower-case words joined by dashes (never "__proto__")
      if (!QUESTION_ID.test(id)) throw new ProgressError(`${path}.answers`, `has an answer to "${id.slice(0, 40)}", which is no question id`)
      answers[id] = savedAnswer(v.answers[id], `${path}.answers.${id}`)
    }
  }
  return {
    lastRun,
    solvedAt: optionalTime(v.solvedAt ?? null, `${path}.solvedAt`),
    visitedAt: optionalTime(v.visitedAt ?? null, `${path}.visitedAt`),
    answers,
  }
}

const later = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b))
const earlier = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b))

/** what two tabs saved for one lesson, together: solved if either solved, the latest run and answers */
export function mergeProgress(a: LessonProgress, b: LessonProgress): LessonProgress {
  const answers: Record<string, SavedAnswer> = { ...a.answers }
  for (const [id, answer] of Object.entries(b.answers)) {
    const other = answers[id]
    if (!other || answer.at >= other.at) answers[id] = answer
  }
  return {
    lastRun: !a.lastRun ? b.lastRun : !b.lastRun ? a.lastRun : b.lastRun.at >= a.lastRun.at ? b.lastRun : a.lastRun,
    solvedAt: earlier(a.solvedAt, b.solvedAt),
    visitedAt: later(a.visitedAt, b.visitedAt),
    answers,
  }
}

/** the check results to show again for a lesson whose checks are `ids` (none when the checks have changed) */
export function restoredResults(progress: LessonProgress, ids: readonly string[]): SavedCheck[] | null {
  const results = progress.lastRun?.results
  if (!results || results.length !== ids.length || !results.every((r, i) => r.id === ids[i])) return null
  return results
}

/** the lesson was begun: visited, or an answer or a run saved */
export const started = (p: LessonProgress): boolean => p.visitedAt !== null || p.lastRun !== null || Object.keys(p.answers).length > 0
