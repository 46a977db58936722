// The checks of a finished run in a few words, for the run bar.
import type { CheckResult } from '../../checks/index.ts'

export interface CheckSummary {
  text: string
  allPass: boolean
}

export function summarizeChecks(results: readonly CheckResult[] | null): CheckSummary | null {
  if (!results || results.length === 0) return null
  const total = results.length
  const passed = results.filter((r) => r.pass).length
  if (total === 1) return { text: passed ? 'The check passes' : 'The check fails', allPass: passed === 1 }
  if (passed === total) return { text: `All ${total} checks pass`, allPass: true }
  return { text: `${passed} of ${total} checks pass`, allPass: false }
}
