const es = new EventSource('/api/poem')

es.onmessage = (e) => {
  e.data.split('\n').forEach((line, i) => console.log(`${e.lastEventId}.${i + 1} ${line}`))
  if (e.lastEventId === '4') es.close()
}
