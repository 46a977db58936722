import { defineChecks } from 'wirelab/checks'

export default defineChecks([
  {
    id: 'respects-retry-after',
    title: 'After a 429, send no request before its Retry-After has passed',
    run(run) {
      const responses = run.responses().filter((r) => r.status === 429)
      const requests = run.requests()
      for (const refusal of responses) {
        const seconds = Number(refusal.headers.find((h) => h.name.toLowerCase() === 'retry-after')?.value)
        // the refusal reaches the client at `arrives`; the next request may leave only Retry-After later
        const allowedAt = refusal.arrives + seconds * 1000
        const early = requests.find((r) => r.t > refusal.arrives && r.t < allowedAt)
        if (early)
          return {
            pass: false,
            message: `The 429 that reached you at ${refusal.arrives} ms said Retry-After: ${seconds}, but you asked again at ${early.t} ms. Read the header and wait.`,
          }
      }
      const quotes = run.responses().filter((r) => r.status === 200).length
      if (quotes < 3) return { pass: false, message: `Only ${quotes} quote(s) in the run: ask again as soon as you are allowed.` }
      return { pass: true, message: `${responses.length} refusal(s), each waited out; ${quotes} quotes received.` }
    },
  },
  {
    id: 'logs-quotes',
    title: 'Log each quote you receive as "<text>" — <author>, from its response',
    run(run) {
      // the answers that reached the code before the run ended (the last may still be on its way then)
      const end = run.record.end?.at ?? Infinity
      const answers = run.responses().filter((r) => r.status === 200 && r.arrives < end)
      if (answers.length === 0) return { pass: false, message: 'No quote reached you: fetch /api/quote.' }
      const fromAnswers = run.callsHandling(['fetch']).filter((c) => {
        const handled = run.handled(c)
        if (handled?.kind !== 'http.response' || handled.status !== 200) return false
        const { quote } = JSON.parse(handled.body ?? '{}') as { quote?: { text: string; author: string } }
        return quote !== undefined && c.values.length === 1 && c.values[0] === `"${quote.text}" — ${quote.author}`
      })
      if (fromAnswers.length >= answers.length) return { pass: true, message: `All ${answers.length} quotes logged from the responses that brought them.` }
      const other = run.calls().find((c) => !fromAnswers.includes(c))
      return {
        pass: false,
        message: other
          ? `${answers.length} quotes arrived and ${fromAnswers.length} were logged as asked; "${String(other.values[0])}" (at ${other.t} ms) is not a line built from a quote's response.`
          : `${answers.length} quotes arrived but only ${fromAnswers.length} were logged: log each one when its response is read.`,
      }
    },
  },
])
