// Running a lesson's checks, fairly: a check that throws fails with the reason instead of breaking the
// page; when the run did not finish, the checks say so first instead of giving protocol advice about
// code that never ran; when the learner pressed a fault, a check that needs an undisturbed run says that
// the run was disturbed, and how, instead of blaming the code.
import { formatSeconds } from './format.ts'
import { RunQuery } from './run-query.ts'
import type { CheckOutcome, CheckResult, LessonCheck, RunRecord } from './types.ts'

export function evaluateChecks(checks: readonly LessonCheck[], record: RunRecord): CheckResult[] {
  const query = new RunQuery(record)
  const unfinished = unfinishedReason(query)
  const faults = query.learnerFaults()
  return checks.map((check) => {
    const result = { id: check.id, title: check.title, ...outcome(check, query) }
    if (result.pass) return result
    if (unfinished) return { ...result, unjudged: true, message: `${unfinished} (This check could not be judged: ${lowerFirst(result.message)})` }
    if (check.undisturbed && faults.length > 0) {
      const what = faults.map((f) => `at ${formatSeconds(f.t)}: ${lowerFirst(f.description)}`).join('; ')
      return {
        ...result,
        unjudged: true,
        message: `You broke the network during this run (${what}). This check needs a run without faults: run again and press no fault to see it pass.`,
      }
    }
    return result
  })
}

function outcome(check: LessonCheck, query: RunQuery): CheckOutcome {
  try {
    const o = check.run(query)
    return { pass: o.pass === true, message: String(o.message) }
  } catch (error) {
    return { pass: false, message: `This check could not be evaluated: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/** why the run stopped before its end, in words the learner acts on first; null when it finished */
export function unfinishedReason(query: RunQuery): string | null {
  const { status, at, reason } = query.end
  const when = formatSeconds(at)
  switch (status) {
    case 'finished':
      return null
    case 'stopped':
      return `The run was stopped at ${when} (Stop was pressed), before the lesson's end: run it to the end.`
    case 'hung':
      return `The run stopped at ${when}: your code did not pause (${reason ?? 'a loop that never ends'}). Fix that first.`
    case 'error':
      return `The run stopped at ${when}: ${reason ?? 'your code could not go on'}. Fix that first.`
  }
}

const lowerFirst = (text: string) => (text ? text[0]!.toLowerCase() + text.slice(1) : text)
