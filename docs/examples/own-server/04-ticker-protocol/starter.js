const ws = new WebSocket('/ticker')

ws.onopen = () => {
  // TODO: subscribe to ACME
}

ws.onmessage = (e) => {
  console.log(e.data)
}
