// The faults the learner pressed during a run, named as their buttons are, for the run bar (the checks
// take them into account, so the learner sees which ones they caused).
import type { TraceEvent } from '../sim/trace.ts'

/** the learner's own faults in a trace, each named as its button is; the end of a fault (back online, a path recovering, a server up again) is not one */
export function pressedFaults(trace: readonly TraceEvent[]): Array<{ t: number; label: string }> {
  return trace.flatMap((e) => {
    if (e.kind !== 'fault' || e.origin !== 'learner' || e.recovers || e.description.startsWith('The network is back')) return []
    const label =
      e.offlineUntil !== undefined
        ? 'Offline'
        : e.description.includes(' restarts: ')
          ? e.description.includes(' it is down for ')
            ? `${e.server ?? 'Server'} down`
            : `Restart ${e.server ?? 'server'}`
          : e.description.includes(' silent')
            ? e.conn
              ? `Silence ${e.conn}`
              : 'Go silent'
            : e.conn
              ? `Drop ${e.conn}`
              : 'Drop connections'
    return [{ t: e.t, label }]
  })
}
