const es = new EventSource('/api/poem')

es.onmessage = (e) => {
  console.log(e.data)
}
