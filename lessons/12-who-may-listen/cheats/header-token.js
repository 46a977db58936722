// cheat: almost right: the token is passed to EventSource and WebSocket as if they could send headers
// fails: reads-notifications /cannot send headers/
// fails: reads-private-messages /cannot send headers either/
const login = { user: 'alice', password: 'wonderland' }
const res = await fetch('/api/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(login) })
const { token } = await res.json()
const notifications = new EventSource('/api/notifications', { headers: { Authorization: `Bearer ${token}` } })
notifications.onmessage = (e) => ui.append(`🔔 ${JSON.parse(e.data).text}`)
const ws = new WebSocket('/private', [`Bearer.${token}`])
ws.onmessage = (e) => {
  const message = JSON.parse(e.data)
  ui.chat({ from: message.from, text: message.text })
}
