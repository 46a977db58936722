// Proofs about polling the inbox server (GET /api/messages?since=<id>, /api/messages/wait?since=<id>):
// every message logged once from an answer that carried it, each request asking since the last id the
// code had been given, and requests spaced like a timer's. Short and long polling lessons share them.
import type { HttpRequestEvent, HttpResponseEvent } from '../sim/trace.ts'
import { formatSeconds } from './format.ts'
import { isPlainObject } from './guards.ts'
import { lineOf, queryParam, type RunQuery } from './run-query.ts'
import { differenceWords, normalize } from './text.ts'
import type { LoggedCall } from './types.ts'
import { causeWords, count } from './words.ts'

export interface InboxMessage {
  id: number
  from: string
  text: string
}

/** a message the lesson's inbox receives, and when (simulated ms) */
export interface ExpectedMessage extends InboxMessage {
  atMs: number
}

/** one request to the inbox and what came back */
export interface InboxPoll {
  request: HttpRequestEvent
  /** the since= it asked with (0 when absent, as the server reads it; NaN when not a number) */
  since: number
  /** its response, when one reached the client */
  response?: HttpResponseEvent
  /** when the answer, or the news that the request failed, reached the client (undefined: never) */
  answeredAt?: number
  /** the messages and `last` of a 200 JSON answer ([] and undefined otherwise) */
  messages: InboxMessage[]
  last?: number
}

/** the requests to these inbox paths, in the order they were sent, with their answers */
export function inboxPolls(run: RunQuery, paths: readonly string[]): InboxPoll[] {
  return paths
    .flatMap((path) => run.requestsTo(path))
    .sort((a, b) => a.seq - b.seq)
    .map((request) => {
      const answer = run.answerTo(request)
      const response = answer?.kind === 'http.response' ? answer : undefined
      const body = response?.status === 200 ? run.json(response) : undefined
      const messages = isPlainObject(body) && Array.isArray(body.messages) ? body.messages.filter(isInboxMessage) : []
      const last = isPlainObject(body) && typeof body.last === 'number' ? body.last : undefined
      const raw = queryParam(request.target, 'since')
      return {
        request,
        since: raw === null ? 0 : Number(raw),
        ...(response ? { response } : {}),
        ...(answer ? { answeredAt: answer.arrives } : {}),
        messages,
        ...(last === undefined ? {} : { last }),
      }
    })
}

function isInboxMessage(value: unknown): value is InboxMessage {
  return isPlainObject(value) && typeof value.id === 'number' && typeof value.from === 'string' && typeof value.text === 'string'
}

/** "Ada's message of 1.200 s (id 1)": names a message without quoting it, so the learner cannot copy it */
export function messageLabel(m: ExpectedMessage): string {
  return `${m.from}'s message of ${formatSeconds(m.atMs)} (id ${m.id})`
}

/** the line a message is logged as: "from: text" */
export const messageLine = (m: InboxMessage): string => `${m.from}: ${m.text}`

/**
 * Every expected message logged exactly once, as "from: text", while the code handled an answer that
 * carried it. Returns what is wrong with the first message that fails, in words that name the
 * message without quoting it, or null when all are proven.
 */
export function messagesProblem(run: RunQuery, expected: readonly ExpectedMessage[], polls: readonly InboxPoll[]): string | null {
  for (const m of expected) {
    const problem = messageProblem(run, m, polls)
    if (problem) {
      const others = expected.filter((o) => o !== m && messageProblem(run, o, polls) !== null).length
      return others > 0 ? `${problem} (${count(others, 'other message')} ${others === 1 ? 'has' : 'have'} a problem too.)` : problem
    }
  }
  return null
}

function messageProblem(run: RunQuery, m: ExpectedMessage, polls: readonly InboxPoll[]): string | null {
  const label = messageLabel(m)
  const carrying = polls.filter((p) => p.response && p.messages.some((x) => x.id === m.id && x.from === m.from && x.text === m.text))
  const answers = new Set(carrying.map((p) => p.response!.seq))
  const fromAnswer = (c: LoggedCall) => c.cause?.kind === 'fetch' && c.cause.event !== undefined && answers.has(c.cause.event)
  const logged = run.callsLogging(messageLine(m))
  if (logged.length > 1) {
    const times = logged.map((c) => formatSeconds(c.t)).join(', ')
    return `${label} was logged ${logged.length} times (at ${times}). Log only what is new: ask with since=<the last id you got>, and log each message of the answer once.`
  }
  if (logged.length === 1) {
    const [call] = logged
    if (fromAnswer(call!)) return null
    const handled = call!.cause?.kind === 'fetch' ? ', which did not carry it' : ''
    return `${label} was logged at ${formatSeconds(call!.t)} ${causeWords(run, call!)}${handled}: it did not come from an answer that carried it. Log each message from the body of the answer that brings it (body.messages), when it arrives.`
  }
  if (carrying.length === 0) {
    return `${label} never came in an answer: no request asked for it after it reached the server. A single request only sees what is there at that moment: keep asking.`
  }
  // an answer carried it, but no line says it: a line made from it that differs, or nothing at all
  const handling = run.calls().filter(fromAnswer)
  const near = handling.find((c) => {
    const line = normalize(lineOf(c))
    return line.includes(normalize(m.text)) || line.includes(normalize(m.from))
  })
  const first = carrying[0]!
  if (near) {
    if (near.values.some((v) => isPlainObject(v)))
      return `${label} was logged as an object at ${formatSeconds(near.t)}: log it as one line of text, its from, a colon and a space, then its text.`
    const difference = differenceWords(messageLine(m), lineOf(near))
    return `The line your code logged for ${label} at ${formatSeconds(near.t)} is not "from: text": ${difference}.`
  }
  return `The answer that reached your code at ${formatSeconds(first.answeredAt ?? first.response!.arrives)} (${first.request.conn}) carried ${label}, but your code logged nothing for it. Log every message in body.messages, as from: text.`
}

/**
 * Each request asks since the newest `last` the code had been given when it sent it (0 before any
 * answer). Returns what is wrong with the first request that does not, or null.
 */
export function sinceProblem(polls: readonly InboxPoll[]): string | null {
  for (const poll of polls) {
    const t = poll.request.t
    const before = newestLast(polls, (at) => at < t)
    // an answer that arrives at the very instant of the request may or may not have been read first
    const atOrBefore = newestLast(polls, (at) => at <= t)
    const when = `The request at ${formatSeconds(t)} (${poll.request.conn})`
    if (!Number.isInteger(poll.since) || poll.since < 0)
      return `${when} asked with since=${queryParam(poll.request.target, 'since') ?? ''}: send the number of the last message you have (0 for none).`
    if (poll.since === before.last || poll.since === atOrBefore.last) continue
    if (poll.since < before.last) {
      return `${when} asked since=${poll.since}, but the answer of ${formatSeconds(before.at!)} had said last: ${before.last}: it asked again for messages your code already had. Keep the last id of every answer and ask since that id.`
    }
    return `${when} asked since=${poll.since}, but no answer had given an id above ${atOrBefore.last}: the messages in between would be skipped. Ask since the last id an answer gave you.`
  }
  return null
}

/** the newest `last` among the answers that reached the client when `reached(answeredAt)` (0 before any) */
function newestLast(polls: readonly InboxPoll[], reached: (at: number) => boolean): { last: number; at?: number } {
  let best: { last: number; at?: number } = { last: 0 }
  for (const p of polls) {
    if (p.last === undefined || p.answeredAt === undefined || !reached(p.answeredAt)) continue
    if (p.last > best.last || best.at === undefined) best = { last: Math.max(p.last, best.last), at: p.answeredAt }
  }
  return best
}

/**
 * Requests spaced like a timer's: never closer than `minMs`, never further apart than `maxMs`.
 * Returns what is wrong with the first gap that is not, or null.
 */
export function intervalProblem(polls: readonly InboxPoll[], limits: { minMs: number; maxMs: number; every: string; until?: number }): string | null {
  for (let i = 1; i < polls.length; i++) {
    const previous = polls[i - 1]!
    const poll = polls[i]!
    const gap = poll.request.t - previous.request.t
    if (gap < limits.minMs) {
      const loop =
        previous.answeredAt !== undefined && poll.request.t === previous.answeredAt
          ? ' It went out the moment the answer before it arrived: that is a loop of requests, not a timer.'
          : ''
      return `Two requests were only ${gap} ms apart (at ${formatSeconds(previous.request.t)} and ${formatSeconds(poll.request.t)}).${loop} Ask ${limits.every}, on a timer (setInterval).`
    }
    if (gap > limits.maxMs) {
      return `Your code sent nothing between ${formatSeconds(previous.request.t)} and ${formatSeconds(poll.request.t)} (${(gap / 1000).toFixed(1)} s). Keep a steady interval: ask ${limits.every}.`
    }
  }
  const last = polls.at(-1)
  if (last && limits.until !== undefined && limits.until - last.request.t > limits.maxMs)
    return `Your code stopped asking after ${formatSeconds(last.request.t)}: nothing more until the run ended at ${formatSeconds(limits.until)}. Keep asking ${limits.every}, on a timer (setInterval).`
  return null
}
