import { defineChecks } from 'wirelab/checks'

const EXPECTED = ['Ada: Lunch at noon?', 'Grace: The build is green.', 'Ada: Bring the slides.', 'Linus: Merged, thanks!']

export default defineChecks([
  {
    id: 'every-message-once',
    title: 'Log every message exactly once, as "from: text"',
    claims: [10],
    run(run) {
      const { missing, repeated } = run.compareLogged(EXPECTED)
      if (repeated.length > 0) return { pass: false, message: `"${repeated[0]}" was logged more than once. Ask with since=<the last id you got>.` }
      if (missing.length > 0) return { pass: false, message: `"${missing[0]}" never reached your log. After each answer, ask again.` }
      return { pass: true, message: `All ${EXPECTED.length} messages logged once each.` }
    },
  },
  {
    id: 'uses-long-polling',
    title: 'Let the server hold the request: use /api/messages/wait',
    claims: [8, 9],
    run(run) {
      const waits = run.requests().filter((r) => r.target.startsWith('/api/messages/wait'))
      const short = run.requests().filter((r) => r.target.startsWith('/api/messages?'))
      if (waits.length === 0)
        return {
          pass: false,
          message: `All ${short.length} requests went to /api/messages, which answers at once. Ask /api/messages/wait?since=<last> instead.`,
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
    title: 'Keep exactly one request waiting: ask again only after each answer',
    claims: [11],
    run(run) {
      const waits = run.requests().filter((r) => r.target.startsWith('/api/messages/wait'))
      if (waits.length === 0) return { pass: false, message: 'First switch to /api/messages/wait (see the check above).' }
      const most = run.maxConcurrentRequests()
      if (most > 1)
        return {
          pass: false,
          message: `Up to ${most} requests were waiting at once. Send the next request after the previous answer arrives (await it), not on a timer.`,
        }
      if (waits.length < 4)
        return {
          pass: false,
          message: `Only ${waits.length} long-poll request${waits.length === 1 ? '' : 's'}: after every answer (200 or 204), ask again at once.`,
        }
      return { pass: true, message: 'Never more than one request waiting.' }
    },
  },
])
