// A quote service that allows one request every `everyMs`: earlier requests get `429 Too Many Requests`
// with a `Retry-After` header (seconds, RFC 9110 §10.2.3) and a JSON body of this lesson's own shape.
import { defineServer } from 'wirelab/server'

interface QuoteOptions {
  everyMs: number
  quotes: Array<{ text: string; author: string }>
}

export default defineServer<QuoteOptions, void>({
  endpoints: ['GET /api/quote'],
  setup(server) {
    const { everyMs, quotes } = server.options
    let nextAllowed = 0
    let served = 0
    const limited = server.counter('limited', ['request refused (429)', 'requests refused (429)'])

    server.get('/api/quote', (_request, response) => {
      const now = server.now()
      if (now < nextAllowed) {
        const seconds = Math.ceil((nextAllowed - now) / 1000)
        limited.add()
        server.log(`Too early: come back in ${seconds} s`)
        return response.json({ error: 'rate_limited', retryInSeconds: seconds }, { status: 429, headers: { 'Retry-After': String(seconds) } })
      }
      nextAllowed = now + everyMs
      const quote = quotes[served++ % quotes.length]!
      response.json({ quote, n: served })
    })
  },
})
