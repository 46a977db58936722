// cheat: hard-coded output, no network
// fails: reads-notifications /opened no EventSource/
// fails: reads-private-messages /opened no WebSocket/
setTimeout(() => ui.append('🔔 Carol sent you a private message'), 1550)
setTimeout(() => ui.chat({ from: 'Carol', text: 'Lunch at one?' }), 1550)
setTimeout(() => ui.chat({ from: 'Carol', text: 'The door code is 4711.' }), 3050)
