import { defineChecks, formatSeconds, isPlainObject, listWords, whenAndWhere, type RunQuery } from 'wirelab/checks'

// lesson.md's scenario: four clients, a post every second, and the server restarting at 3.5 s, down for 8 s
const CLIENTS = ['Ann', 'Ben', 'Cleo', 'Dev']
const RESTART_MS = 3500
const DOWN_MS = 8000
const BACK_MS = RESTART_MS + DOWN_MS
const POST_EVERY_MS = 1000
/** the backoff the task asks for: a random wait between 0 and min(CAP, BASE × 2^failures) */
const BASE_MS = 1000
const CAP_MS = 10_000
/** the timers of the learner's realm may fire a few ms late (browsers clamp short timers) */
const SLACK_MS = 5
/** more refused attempts than this, over all clients, while the server was down: hammering */
const MOST_REFUSED = 20
/** the handshakes of every client inside this window: they came back in step (the network's jitter is up to 20 ms) */
const STAMPEDE_WINDOW_MS = 30

interface Attempt {
  client: string
  conn: string
  t: number
  /** when the client learned this attempt failed (refused), or undefined when the handshake was answered 101 */
  failedAt?: number
}

const clientOf = (e: { client?: string; conn: string }) => e.client ?? CLIENTS[e.conn.charCodeAt(0) - 65] ?? '?'

/** every attempt to open a WebSocket from the restart on (answered, or refused while the server was down), in time order */
function attemptsAfterRestart(run: RunQuery): Attempt[] {
  const attempts: Attempt[] = []
  for (const e of run.record.trace) {
    if (e.t < RESTART_MS) continue
    if (e.kind === 'http.request' && e.api === 'WebSocket') attempts.push({ client: clientOf(e), conn: e.conn, t: e.t })
    if (e.kind === 'conn.error' && /refused/i.test(e.reason)) attempts.push({ client: clientOf(e), conn: e.conn, t: e.t, failedAt: e.arrives })
  }
  return attempts.sort((a, b) => a.t - b.t)
}

/** when each client heard that the restart dropped its socket */
function dropHeard(run: RunQuery): Map<string, number> {
  const heard = new Map<string, number>()
  for (const e of run.record.trace)
    if (e.kind === 'conn.close' && e.t >= RESTART_MS && e.t <= RESTART_MS + 1 && !heard.has(clientOf(e))) heard.set(clientOf(e), e.arrives)
  return heard
}

/** one client's waits after the drop, until it was back: [attempt, wait since it last heard of a failure, failures before it] */
function waitsOf(run: RunQuery, client: string): Array<{ attempt: Attempt; waitMs: number; failures: number }> {
  let heard = dropHeard(run).get(client)
  if (heard === undefined) return []
  const waits: Array<{ attempt: Attempt; waitMs: number; failures: number }> = []
  for (const attempt of attemptsAfterRestart(run).filter((a) => a.client === client)) {
    waits.push({ attempt, waitMs: attempt.t - heard, failures: waits.length })
    if (attempt.failedAt === undefined) break
    heard = attempt.failedAt
  }
  return waits
}

const ceilingOf = (failures: number) => Math.min(CAP_MS, BASE_MS * 2 ** failures)

/** the posts one client showed: seq → the calls that logged it from the frame that carried it */
function shownPosts(run: RunQuery, client: string): Map<number, number> {
  const shown = new Map<number, number>()
  for (const call of run.callsHandling(['ws-event'], client)) {
    const post = run.json(run.handled(call))
    if (!isPlainObject(post) || typeof post.seq !== 'number' || !run.loggedFromHandled(call)) continue
    shown.set(post.seq, (shown.get(post.seq) ?? 0) + 1)
  }
  return shown
}

/** the posts the server made that had time to reach a connected client before the run ended */
const postsBefore = (end: number) => Math.floor((end - 200) / POST_EVERY_MS)

/** "#4–#11" for a run of numbers, "#4, #6" otherwise */
function ranges(numbers: number[]): string {
  const parts: string[] = []
  for (let i = 0; i < numbers.length; i++) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++
    parts.push(j > i ? `#${numbers[i]}–#${numbers[j]}` : `#${numbers[i]}`)
    i = j
  }
  return listWords(parts)
}

export default defineChecks([
  {
    id: 'backs-off',
    title: 'After the restart, each client waits longer after every refused attempt (exponential backoff)',
    claims: [42],
    undisturbed: true,
    run(run) {
      const attempts = attemptsAfterRestart(run)
      if (attempts.length === 0)
        return {
          pass: false,
          message: `No client tried to connect again after the server restarted at ${formatSeconds(RESTART_MS)}: a WebSocket does not come back by itself. In onclose, schedule a new connection.`,
        }
      const refused = attempts.filter((a) => a.failedAt !== undefined && a.t < BACK_MS)
      if (refused.length > MOST_REFUSED) {
        const most = CLIENTS.map((c) => ({ c, n: refused.filter((a) => a.client === c).length })).sort((a, b) => b.n - a.n)[0]!
        return {
          pass: false,
          message: `While the server was down (${formatSeconds(RESTART_MS)} to ${formatSeconds(BACK_MS)}), your clients tried ${refused.length} times, ${most.c} alone ${most.n} times: every attempt was refused, and a bigger crowd would keep a starting server busy refusing. Wait twice as long after each failure.`,
        }
      }
      for (const client of CLIENTS) {
        const waits = waitsOf(run, client)
        if (waits.length === 0)
          return { pass: false, message: `${client} never tried to connect again after the restart: open a new WebSocket in onclose, after a wait.` }
        const over = waits.find((w) => w.waitMs > ceilingOf(w.failures) + SLACK_MS)
        if (over)
          return {
            pass: false,
            message: `${client} waited ${formatSeconds(over.waitMs)} before attempt ${over.failures + 1} after the drop (${over.failures} refused before it): the backoff after ${over.failures} failure${over.failures === 1 ? '' : 's'} allows at most ${formatSeconds(ceilingOf(over.failures))}. Draw the wait between 0 and min(10 s, 1 s × 2^failures), and count failures since the last open.`,
          }
        if (waits.at(-1)!.attempt.failedAt !== undefined)
          return {
            pass: false,
            message: `${client} was still trying when the run ended: its last attempt at ${formatSeconds(waits.at(-1)!.attempt.t)} was refused and no other followed.`,
          }
      }
      const back = CLIENTS.map((c) => waitsOf(run, c).at(-1)!.attempt.t)
      return {
        pass: true,
        message: `${refused.length} refused attempts in all while the server was down; every client was back by ${formatSeconds(Math.max(...back))}.`,
      }
    },
  },
  {
    id: 'spreads-out',
    title: 'The clients do not come back in step: their waits are random (full jitter)',
    claims: [41, 43],
    undisturbed: true,
    run(run) {
      const attempts = attemptsAfterRestart(run)
      if (attempts.length === 0)
        return {
          pass: false,
          message: `No client tried to connect again after the server restarted at ${formatSeconds(RESTART_MS)}: in onclose, schedule a new connection.`,
        }
      for (let i = 0; i < attempts.length; i++) {
        const together = new Map<string, Attempt>()
        for (let j = i; j < attempts.length && attempts[j]!.t - attempts[i]!.t <= STAMPEDE_WINDOW_MS; j++)
          if (!together.has(attempts[j]!.client)) together.set(attempts[j]!.client, attempts[j]!)
        if (together.size === CLIENTS.length) {
          const first = attempts[i]!
          const waits = CLIENTS.map((c) => waitsOf(run, c).find((w) => w.attempt.conn === together.get(c)?.conn && w.attempt.t === together.get(c)?.t)?.waitMs)
          const same = waits.every((w) => w !== undefined && Math.abs(w - waits[0]!) <= SLACK_MS)
          return {
            pass: false,
            message: `A stampede: all ${CLIENTS.length} clients knocked within ${STAMPEDE_WINDOW_MS} ms at ${formatSeconds(first.t)}${same ? `, each after waiting exactly ${formatSeconds(waits[0]!)}` : ''}. They were dropped together, so equal waits bring them back together, however the waits grow. Make each wait random.`,
          }
        }
      }
      const first = CLIENTS.map((c) => waitsOf(run, c)[0]?.attempt.t).filter((t): t is number => t !== undefined)
      return {
        pass: true,
        message: `No stampede: the first attempts after the drop were spread over ${formatSeconds(Math.max(...first) - Math.min(...first))}.`,
      }
    },
  },
  {
    id: 'resumes-without-gaps',
    title: 'Every client shows every post once, in order, across the restart (resume by sequence number)',
    claims: [44],
    undisturbed: true,
    run(run) {
      const expected = postsBefore(run.end.at)
      for (const client of CLIENTS) {
        const shown = shownPosts(run, client)
        const twice = [...shown.entries()].filter(([, n]) => n > 1).map(([seq]) => seq)
        if (twice.length > 0)
          return {
            pass: false,
            message: `${client} showed ${ranges(twice.sort((a, b) => a - b))} more than once: a reconnection got posts it had already shown. Remember the last seq you showed and skip what is not newer (or ask for only what came after it).`,
          }
        const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((seq) => !shown.has(seq))
        if (missing.length === 0) continue
        if (shown.size === 0) {
          const written = run.calls(client).find((c) => c.cause?.kind !== 'ws-event')
          if (written)
            return {
              pass: false,
              message: `${client} logged a line ${whenAndWhere(run, written)}, not from a post's frame: show each post in onmessage, from e.data.`,
            }
          return { pass: false, message: `${client} showed no post: in onmessage, parse e.data and log each post.` }
        }
        const resumed = run.requests().some((r) => r.api === 'WebSocket' && clientOf(r) === client && r.t >= RESTART_MS && /[?&]after=\d+/.test(r.target))
        return {
          pass: false,
          message: `${client} never showed ${ranges(missing)}. ${
            resumed
              ? 'It asked to resume, but not after the last post it showed: keep the seq of the last post you showed and put it in ?after=.'
              : 'The posts sent while it was away were lost: when you reconnect, ask for what came after the last post you showed (/feed?after=<seq>).'
          }`,
        }
      }
      return { pass: true, message: `All ${CLIENTS.length} clients showed posts #1–#${expected}, each once, across the restart.` }
    },
  },
])
