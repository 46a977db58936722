// Polls every half second, whatever the server says.
setInterval(async () => {
  const response = await fetch('/api/quote')
  const body = await response.json()
  console.log(body)
}, 500)
