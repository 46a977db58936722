// The faults the learner pressed during a run, named as their buttons are, for the run bar (the checks
// take them into account, so the learner sees which ones they caused).
import type { TraceEvent } from '../sim/trace.ts'
import { faultKind, faultLabel } from '../sim/fault-kind.ts'

/** the learner's own faults in a trace, each named as its button is; the end of a fault (back online, a path recovering, a server up again) is not one */
export function pressedFaults(trace: readonly TraceEvent[]): Array<{ t: number; label: string }> {
  return trace.flatMap((e) => {
    if (e.kind !== 'fault' || e.origin !== 'learner') return []
    const kind = faultKind(e)
    return kind === 'back-online' || kind === 'recovered' ? [] : [{ t: e.t, label: faultLabel(e) }]
  })
}
