import { defineChecks, formatSeconds, inboxPolls, messagesProblem, sinceProblem, type ExpectedMessage } from 'wirelab/checks'

// the inbox of lesson.md: ids count from 1 in the order the messages arrive
const MESSAGES: ExpectedMessage[] = [
  { id: 1, atMs: 1200, from: 'Ada', text: 'Lunch at noon?' },
  { id: 2, atMs: 3500, from: 'Grace', text: 'The build is green.' },
  { id: 3, atMs: 3700, from: 'Ada', text: 'Bring the slides.' },
  { id: 4, atMs: 7600, from: 'Linus', text: 'Merged, thanks!' },
]
/** how long after an answer the next request may leave and still count as "at once" */
const AT_ONCE_MS = 500

export default defineChecks([
  {
    id: 'every-message-once',
    title: 'Log every message exactly once, as "from: text", from the answer that brought it',
    claims: [10],
    undisturbed: true,
    run(run) {
      const problem = messagesProblem(run, MESSAGES, inboxPolls(run, ['/api/messages', '/api/messages/wait']))
      if (problem) return { pass: false, message: problem }
      return { pass: true, message: `All ${MESSAGES.length} messages logged once each, each from the answer that brought it.` }
    },
  },
  {
    id: 'uses-long-polling',
    title: 'Let the server hold the request: ask /api/messages/wait since the last id you got',
    claims: [8, 9],
    undisturbed: true,
    run(run) {
      const waits = inboxPolls(run, ['/api/messages/wait'])
      const short = run.requestsTo('/api/messages')
      if (waits.length === 0 && short.length === 0)
        return { pass: false, message: 'No request reached the inbox. Ask /api/messages/wait?since=<last> with fetch, and ask again after each answer.' }
      if (waits.length === 0)
        return {
          pass: false,
          message: `All ${short.length} requests went to /api/messages, which answers at once. Ask /api/messages/wait?since=<last> instead.`,
        }
      const since = sinceProblem(waits)
      if (since)
        return {
          pass: false,
          message: `${since} The server then has something for you at once and answers straight away instead of holding the request.`,
        }
      if (run.serverStat('held') === 0)
        return { pass: false, message: 'The server never had to hold a request. Ask with since=<the last id you got>, so it waits for something new.' }
      return {
        pass: true,
        message: `${waits.length} requests, ${run.serverStat('held')} of them held by the server, ${run.serverStat('empty')} empty answers.`,
      }
    },
  },
  {
    id: 'one-request-at-a-time',
    title: 'Keep exactly one request waiting: ask again as soon as each answer arrives',
    claims: [11],
    undisturbed: true,
    run(run) {
      const waits = inboxPolls(run, ['/api/messages/wait'])
      if (waits.length === 0) return { pass: false, message: 'First switch to /api/messages/wait (see the check above).' }
      for (let i = 1; i < waits.length; i++) {
        const previous = waits[i - 1]!
        const next = waits[i]!
        if (previous.answeredAt === undefined || next.request.t < previous.answeredAt)
          return {
            pass: false,
            message: `The request at ${formatSeconds(next.request.t)} (${next.request.conn}) was sent while the one of ${formatSeconds(previous.request.t)} (${previous.request.conn}) was still waiting for its answer. Send the next request after the previous answer arrives (await it), not on a timer.`,
          }
        const pause = next.request.t - previous.answeredAt
        if (pause > AT_ONCE_MS)
          return {
            pass: false,
            message: `After the answer of ${formatSeconds(previous.answeredAt)}, your code waited ${(pause / 1000).toFixed(1)} s before asking again (at ${formatSeconds(next.request.t)}). Ask again at once: while no request waits at the server, a new message has nobody to go to.`,
          }
      }
      if (waits.length < 4)
        return {
          pass: false,
          message: `Only ${waits.length} long-poll request${waits.length === 1 ? '' : 's'}: after every answer (200 or 204), ask again at once.`,
        }
      return { pass: true, message: 'Never more than one request waiting, and a new one sent as soon as each answer arrived.' }
    },
  },
])
