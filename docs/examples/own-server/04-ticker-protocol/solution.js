const ws = new WebSocket('/ticker', 'ticker.v1')

ws.onopen = () => {
  ws.send(JSON.stringify({ subscribe: ['ACME'] }))
}

ws.onmessage = (e) => {
  const message = JSON.parse(e.data)
  if (message.type === 'price') console.log(`${message.symbol} ${message.price}`)
}
