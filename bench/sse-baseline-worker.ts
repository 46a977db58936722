// counts N events on an EventSource and answers with the real milliseconds it took
self.onmessage = (e: MessageEvent<number>) => {
  const n = e.data
  const start = performance.now()
  const es = new EventSource('/bench/sse')
  let seen = 0
  es.onmessage = () => {
    if (++seen === n) {
      es.close()
      postMessage(performance.now() - start)
    }
  }
}
