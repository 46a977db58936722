// An event stream written byte by byte (raw), as real servers and proxies write them: a byte order mark,
// CRLF and CR line ends, comments that keep the connection alive, multi-line data, a retry in the middle
// and an event split over two writes. The browser's parser (WHATWG HTML §9.2.6) makes events of it.
import { defineServer } from 'wirelab/server'

const VERSES = [
  ['Roses are red', 'Violets are blue'],
  ['Bytes on the wire', 'Arrive two by two'],
  ['A colon starts comments', 'The parser ignores'],
  ['A blank line dispatches', 'The event is yours'],
]

export default defineServer({
  endpoints: ['GET /api/poem (text/event-stream)'],
  setup(server) {
    server.get('/api/poem', (_request, response) => {
      const stream = response.stream({ headers: { 'Cache-Control': 'no-cache' } })
      // a BOM first: the parser drops it (only at the very start of the stream)
      stream.raw('\uFEFF: the poem starts\n\n')
      const writes = [
        `id: 1\r\ndata: ${VERSES[0]![0]}\r\ndata: ${VERSES[0]![1]}\r\n\r\n`,
        ': keep-alive\n\n',
        `id: 2\rdata: ${VERSES[1]![0]}\rdata: ${VERSES[1]![1]}\r\r`,
        'retry: 5000\n\n',
        // one event in two writes: nothing is dispatched until its blank line arrives
        `id: 3\ndata: ${VERSES[2]![0]}\n`,
        `data: ${VERSES[2]![1]}\n\n`,
        `id: 4\ndata: ${VERSES[3]![0]}\ndata: ${VERSES[3]![1]}\n\n`,
      ]
      writes.forEach((text, i) => server.after(300 * (i + 1), () => stream.raw(text)))
      server.after(300 * (writes.length + 1), () => stream.close())
    })
  },
})
