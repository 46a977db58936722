// cheat: almost right: the token is used, but the old cookie login is kept "for the other pages", so the browser still holds the session cookie
// fails: hijack-refused /carried your session cookie/
// fails: no-session-cookie /carried the session cookie/
const login = { user: 'alice', password: 'wonderland' }
const json = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(login) }
await fetch('/api/session', json)
const { token } = await (await fetch('/api/token', json)).json()
const notifications = new EventSource(`/api/notifications?token=${token}`)
notifications.onmessage = (e) => ui.append(`🔔 ${JSON.parse(e.data).text}`)
const ws = new WebSocket(`/private?token=${token}`)
ws.onmessage = (e) => {
  const message = JSON.parse(e.data)
  ui.chat({ from: message.from, text: message.text })
}
