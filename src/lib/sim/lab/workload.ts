// The lab's workloads: what the server has to tell each client, and (in a chat) what each client says
// back, as timed JSON messages. One seeded generator makes them, so the live simulation and the model
// at scale read the very same messages, and the same seed gives the same numbers.
import { seededRandom } from '../random.ts'

export type WorkloadKind = 'inbox' | 'ticker' | 'score' | 'chat'

/** one update the server has for its clients: when it arrives at the server, and its JSON as sent */
export interface FeedUpdate {
  /** 1, 2, 3 … in arrival order */
  id: number
  atMs: number
  /** the message as the server sends it (its id included), e.g. {"id":3,"type":"typing","from":"Cleo"} */
  json: string
}

/** something one client sends to the server (chat only): typing indicators, read receipts, messages */
export interface ClientMessage {
  atMs: number
  json: string
}

export interface Workload {
  kind: WorkloadKind
  updates: FeedUpdate[]
  /** what each client sends upstream (the same schedule for every client); empty but for the chat */
  upstream: ClientMessage[]
}

export const WORKLOADS: Record<WorkloadKind, { label: string; perMinute: number; what: string }> = {
  inbox: { label: 'Email inbox', perMinute: 1 / 60, what: 'new mail arrives at the server; clients only read' },
  ticker: { label: 'Stock ticker', perMinute: 60, what: 'a price changes; clients only read' },
  score: { label: 'Live score', perMinute: 2, what: 'the score or the minute changes; clients only read' },
  chat: {
    label: 'Chat',
    perMinute: 20,
    what: 'messages, typing indicators and read receipts from the other person, and as many from the client itself',
  },
}

const SENDERS = ['Ann', 'Ben', 'Cleo', 'Dev']
const SUBJECTS = ['Minutes from today', 'Lunch on Friday?', 'Invoice 2291', 'Re: the release', 'Holiday plans']
const CHAT_LINES = ['On my way', 'Sounds good!', 'Did you see the goal?', 'Call you later', 'Thanks :)']

/**
 * The payload of update `id` (without its id): small JSON objects shaped like the lessons' servers
 * send. `chatSide`: who speaks in a chat message (the other person downstream, the client upstream).
 */
function payload(kind: WorkloadKind, id: number, random: () => number, chatSide: 'them' | 'you'): Record<string, unknown> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  switch (kind) {
    case 'inbox':
      return { from: pick(SENDERS), subject: pick(SUBJECTS) }
    case 'ticker':
      return { symbol: 'WLAB', price: (100 + Math.floor(random() * 2000) / 100).toFixed(2) }
    case 'score':
      return { match: 'Lions vs Tigers', minute: Math.min(90, 1 + (id % 90)), home: Math.floor(id / 7) % 4, away: Math.floor(id / 11) % 3 }
    case 'chat': {
      const from = chatSide === 'them' ? 'Cleo' : 'You'
      // typing indicators are the most frequent, then read receipts, then the messages themselves
      const roll = random()
      if (roll < 0.5) return { type: 'typing', from }
      if (roll < 0.75) return { type: 'read', by: from, upTo: Math.max(1, id - 1) }
      return { type: 'message', from, text: pick(CHAT_LINES) }
    }
  }
}

/**
 * Arrival times of a Poisson process with `perMinute` arrivals a minute on average (exponential gaps,
 * whole ms), from just after 0 to `durationMs`.
 */
function arrivals(perMinute: number, durationMs: number, random: () => number): number[] {
  const times: number[] = []
  if (!(perMinute > 0)) return times
  const meanGap = 60_000 / perMinute
  let t = 0
  for (;;) {
    t += Math.max(1, Math.round(-Math.log(1 - random()) * meanGap))
    if (t > durationMs) return times
    times.push(t)
  }
}

/** the messages of one workload at `perMinute` updates a minute, for `durationMs`, from `seed` */
export function makeWorkload(kind: WorkloadKind, perMinute: number, durationMs: number, seed: number): Workload {
  // times and contents from separate streams, so a shorter run has the same first messages
  const contents = seededRandom(seed ^ 0xc0de)
  const updates = arrivals(perMinute, durationMs, seededRandom(seed ^ 0x1ab5eed)).map((atMs, i) => {
    const id = i + 1
    return { id, atMs, json: JSON.stringify({ id, ...payload(kind, id, contents, 'them') }) }
  })
  const said = seededRandom(seed ^ 0x5a1d)
  const upstream =
    kind === 'chat'
      ? arrivals(perMinute, durationMs, seededRandom(seed ^ 0x5e0d)).map((atMs, i) => ({ atMs, json: JSON.stringify(payload(kind, i + 1, said, 'you')) }))
      : []
  return { kind, updates, upstream }
}

/** a workload from messages given one by one (the lessons' scenarios, tests) */
export function workloadOf(kind: WorkloadKind, updates: Array<{ atMs: number; data: Record<string, unknown> }>, upstream: ClientMessage[] = []): Workload {
  const sorted = [...updates].sort((a, b) => a.atMs - b.atMs)
  return { kind, updates: sorted.map((u, i) => ({ id: i + 1, atMs: u.atMs, json: JSON.stringify({ id: i + 1, ...u.data }) })), upstream }
}
