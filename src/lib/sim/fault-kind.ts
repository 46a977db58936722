// Which fault a trace's fault event records. The event keeps the sentence the learner reads, not the
// button that was pressed, so this reads the fields first and the sentence's fixed start last; a drop of
// every connection mentions a restart in its explanation ("as when the server restarts") and is not one.
import type { FaultEvent } from './trace.ts'

export type FaultKind = 'offline' | 'back-online' | 'recovered' | 'restart-server' | 'silent' | 'drop-connection' | 'drop-connections'

/** the start of the sentence of each fault whose fields do not tell it (simulation.ts writes them) */
export const FAULT_SENTENCE = {
  dropConnections: 'Every open connection is lost at once',
  backOnline: 'The network is back online',
  /** "The server restarts: …", "Server 2 restarts: …" */
  restart: /^(The server|Server \d+) restarts:/,
  /** "The path of c2 goes silent: …", "Every open connection (c1, c2) goes silent: …" */
  silent: / go(?:es)? silent: /,
  /** a restart with downtime: "…; it is down for 3 s and refuses new connections meanwhile." */
  down: / it is down for /,
} as const

export function faultKind(fault: Pick<FaultEvent, 'description' | 'offlineUntil' | 'conn' | 'recovers'>): FaultKind {
  if (fault.offlineUntil !== undefined) return 'offline'
  if (fault.description.startsWith(FAULT_SENTENCE.backOnline)) return 'back-online'
  // the end of an earlier fault: a silent path recovering, a restarted server up again
  if (fault.recovers) return 'recovered'
  if (FAULT_SENTENCE.restart.test(fault.description)) return 'restart-server'
  if (FAULT_SENTENCE.silent.test(fault.description)) return 'silent'
  if (fault.conn) return 'drop-connection'
  return 'drop-connections'
}

/** the fault as its button is named ("Restart Server 2", "Drop c3", "Offline"), for the run bar */
export function faultLabel(fault: FaultEvent): string {
  switch (faultKind(fault)) {
    case 'offline':
      return 'Offline'
    case 'back-online':
      return 'Back online'
    case 'recovered':
      return 'Recovered'
    case 'restart-server':
      return FAULT_SENTENCE.down.test(fault.description) ? `${fault.server ?? 'Server'} down` : `Restart ${fault.server ?? 'server'}`
    case 'silent':
      return fault.conn ? `Silence ${fault.conn}` : 'Go silent'
    case 'drop-connection':
      return `Drop ${fault.conn}`
    case 'drop-connections':
      return 'Drop connections'
  }
}
