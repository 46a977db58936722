// Connection numbers and names when several learner clients run at once. Each client's worker numbers
// its connections from its own base, so a number says which client opened it and the scheduler's
// order key stays globally unique and deterministic (client A's same-instant requests before B's).
// A lesson with one client keeps the plain names c1, c2 …; with several, Alice's are A1, A2 …, Bob's
// B1 … (the letter is the client's position, not its name's initial, so two names may share one).

/** connection numbers per client; far more than a run can open (caps stop a run long before) */
export const CLIENT_KEY_BLOCK = 1_000_000

/** the first connection number of client `index` (0-based) is this + 1 */
export function connBase(index: number, clientCount: number): number {
  return clientCount > 1 ? (index + 1) * CLIENT_KEY_BLOCK : 0
}

/** which client (0-based) opened connection number `key` */
export function clientIndexOf(key: number): number {
  return key > CLIENT_KEY_BLOCK ? Math.floor((key - 1) / CLIENT_KEY_BLOCK) - 1 : 0
}

/** the connection's name on the wire: c1, A1 …; `.2`, `.3` … for an EventSource's reconnections */
export function connName(key: number, attempt = 1): string {
  const base = key > CLIENT_KEY_BLOCK ? `${String.fromCharCode(65 + clientIndexOf(key))}${((key - 1) % CLIENT_KEY_BLOCK) + 1}` : `c${key}`
  return attempt > 1 ? `${base}.${attempt}` : base
}
