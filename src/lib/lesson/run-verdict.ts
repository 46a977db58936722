// What `lessons:check -- --run` says about one lesson run in Chromium, as one plain line: the lesson is
// fine when its diagrams draw, its starter runs to the end and fails at least one check, and its
// solution runs to the end and passes every check. (tests/e2e/lessons.e2e.ts asserts the same line.)

export interface CheckState {
  id: string
  /** as the checks panel shows it: pass, fail, unjudged, pending */
  state: string
  message: string
}

export interface CodeRun {
  /** how the run ended (finished, error, hung, stopped …) */
  status: string
  checks: readonly CheckState[]
}

export interface LessonRunReport {
  slug: string
  /** "This diagram could not be drawn: …" of each diagram that did not draw */
  diagramErrors: readonly string[]
  /** errors the page itself threw while the lesson ran (not the learner's code: the app, or checks.ts) */
  pageErrors?: readonly string[]
  starter: CodeRun
  solution: CodeRun
}

const clip = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** what is wrong with the lesson, each in a few words ([] when nothing is) */
export function lessonProblems(report: LessonRunReport): string[] {
  const problems = [...report.diagramErrors.map((e) => `lesson text: ${clip(e)}`), ...(report.pageErrors ?? []).map((e) => `the page threw: ${clip(e)}`)]
  const { starter, solution } = report
  if (starter.status !== 'finished') problems.push(`starter: the run did not finish (${starter.status}): the starter must run to the end and fail a check`)
  else if (starter.checks.length === 0) problems.push('the page shows no checks')
  else if (!starter.checks.some((c) => c.state === 'fail')) problems.push('starter passes every check: it should fail one')
  if (solution.status !== 'finished') problems.push(`solution: the run did not finish (${solution.status})`)
  for (const check of solution.checks.filter((c) => c.state !== 'pass'))
    problems.push(
      `solution: check \`${check.id}\` ${check.state === 'fail' ? 'failed' : `was ${check.state === 'unjudged' ? 'not judged' : check.state}`}: ${clip(check.message)}`,
    )
  return problems
}

/** "✓ 01-short-polling: …" or "✗ 04-sse-reconnect: solution: check `backs-off` failed: …" */
export function verdictLine(report: LessonRunReport): string {
  const problems = lessonProblems(report)
  if (problems.length) return `✗ ${report.slug}: ${problems.join('; ')}`
  const failed = report.starter.checks.filter((c) => c.state === 'fail').map((c) => `\`${c.id}\``)
  return `✓ ${report.slug}: the solution passes ${report.solution.checks.length} check${report.solution.checks.length === 1 ? '' : 's'}; the starter fails ${failed.join(', ')}`
}
