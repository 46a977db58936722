import { defineChecks, inboxPolls, intervalProblem, messagesProblem, sinceProblem, type ExpectedMessage } from 'wirelab/checks'

// the inbox of lesson.md: ids count from 1 in the order the messages arrive
const MESSAGES: ExpectedMessage[] = [
  { id: 1, atMs: 1200, from: 'Ada', text: 'Lunch at noon?' },
  { id: 2, atMs: 3500, from: 'Grace', text: 'The build is green.' },
  { id: 3, atMs: 3700, from: 'Ada', text: 'Bring the slides.' },
  { id: 4, atMs: 6400, from: 'Linus', text: 'Merged, thanks!' },
]

export default defineChecks([
  {
    id: 'every-message-once',
    title: 'Log every message exactly once, as "from: text", from the answer that brought it',
    claims: [1, 2],
    undisturbed: true,
    run(run) {
      const problem = messagesProblem(run, MESSAGES, inboxPolls(run, ['/api/messages', '/api/messages/wait']))
      if (problem) return { pass: false, message: problem }
      return { pass: true, message: `All ${MESSAGES.length} messages logged once each, each from the answer that brought it.` }
    },
  },
  {
    id: 'polls-every-second',
    title: 'Poll about once a second, on a timer',
    claims: [2, 3],
    undisturbed: true,
    run(run) {
      const polls = inboxPolls(run, ['/api/messages'])
      if (polls.length === 0 && run.requestsTo('/api/messages/wait').length > 0)
        return {
          pass: false,
          message:
            'Your code asked /api/messages/wait, which holds each request until a message arrives: that is long polling (the next lesson). Here, ask /api/messages, which answers at once, and ask again every second.',
        }
      if (polls.length < 5)
        return {
          pass: false,
          message: `Your code sent ${polls.length} request${polls.length === 1 ? '' : 's'} to /api/messages in 8 s. A single request only sees the inbox as it is at that moment: ask again every second (setInterval).`,
        }
      const problem = intervalProblem(polls, { minMs: 500, maxMs: 2000, every: 'about once a second', until: run.end.at })
      if (problem) return { pass: false, message: problem }
      return { pass: true, message: `${polls.length} polls, ${run.serverStat('empty')} of them answered with nothing new.` }
    },
  },
  {
    id: 'asks-since-last',
    title: 'Ask only for what is new: since= the last id of the previous answer',
    undisturbed: true,
    run(run) {
      const polls = inboxPolls(run, ['/api/messages'])
      if (polls.length === 0) return { pass: false, message: 'No request to /api/messages: poll the inbox with fetch (see the check above).' }
      const problem = sinceProblem(polls)
      if (problem) return { pass: false, message: problem }
      return { pass: true, message: 'Every request asked since the last id your code had been given, so no answer repeated a message.' }
    },
  },
])
