// cheat: the token is used, but the private messages are shown from timers, not from the frames
// fails: reads-private-messages /shown with ui.chat from the frame/
const login = { user: 'alice', password: 'wonderland' }
const res = await fetch('/api/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(login) })
const { token } = await res.json()
const notifications = new EventSource(`/api/notifications?token=${token}`)
notifications.onmessage = (e) => ui.append(`🔔 ${JSON.parse(e.data).text}`)
const ws = new WebSocket(`/private?token=${token}`)
ws.onmessage = () => {}
setTimeout(() => ui.chat({ from: 'Carol', text: 'Lunch at one?' }), 1550)
setTimeout(() => ui.chat({ from: 'Carol', text: 'The door code is 4711.' }), 3050)
setTimeout(() => ui.chat({ from: 'Dave', text: 'Your parcel is at reception.' }), 4550)
setTimeout(() => ui.chat({ from: 'Carol', text: 'See you there.' }), 6050)
