import { defineChecks } from 'wirelab/checks'

const EXPECTED = ['Ada: Lunch at noon?', 'Grace: The build is green.', 'Ada: Bring the slides.', 'Linus: Merged, thanks!']

export default defineChecks([
  {
    id: 'every-message-once',
    title: 'Log every message exactly once, as "from: text"',
    claims: [1, 2],
    run(run) {
      const { missing, repeated } = run.compareLogged(EXPECTED)
      if (repeated.length > 0)
        return { pass: false, message: `"${repeated[0]}" was logged more than once. Ask only for what is new: since=<the last id you got>.` }
      if (missing.length > 0)
        return {
          pass: false,
          message: `${missing.length} of ${EXPECTED.length} messages never reached your log (the first missing: "${missing[0]}"). A single request only sees what is there at that moment: keep asking.`,
        }
      return { pass: true, message: `All ${EXPECTED.length} messages logged once each.` }
    },
  },
  {
    id: 'polls-every-second',
    title: 'Poll about once a second',
    claims: [2, 3],
    run(run) {
      const polls = run.requests().filter((r) => r.target.startsWith('/api/messages'))
      if (polls.length < 5)
        return {
          pass: false,
          message: `Your code sent ${polls.length} request${polls.length === 1 ? '' : 's'} in 8 s. Use setInterval(poll, 1000) to ask every second.`,
        }
      const gaps = polls.slice(1).map((r, i) => r.t - polls[i]!.t)
      const fastest = Math.min(...gaps)
      if (fastest < 500) return { pass: false, message: `Two requests were only ${fastest} ms apart: poll once a second, not faster.` }
      return { pass: true, message: `${polls.length} polls, ${run.serverStat('empty')} of them answered with nothing new.` }
    },
  },
])
