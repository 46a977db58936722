// cheat: timing it: the cookie login waits until the other site's page has tried (3 s), so its handshake finds no cookie this time
// fails: no-session-cookie /carried the session cookie/
const login = { user: 'alice', password: 'wonderland' }
setTimeout(async () => {
  await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(login) })
  const notifications = new EventSource('/api/notifications')
  notifications.onmessage = (e) => ui.append(`🔔 ${JSON.parse(e.data).text}`)
  const ws = new WebSocket('/private')
  ws.onmessage = (e) => {
    const message = JSON.parse(e.data)
    ui.chat({ from: message.from, text: message.text })
  }
}, 3000)
