// cheat: timers faking it: "typing" every second from a timer while the message is being written, the indicator and the receipt shown on timers
// fails: throttles-typing /when no key was pressed/
// fails: shows-typing-and-receipts /never said he was typing when one came/
const ws = new WebSocket('/chat', ['chat.v2']);
ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  if (message.type === 'chat') ui.chat({ from: message.from, text: message.text });
  if (message.type === 'chat' && message.from !== 'You') ws.send(JSON.stringify({ type: 'read', id: message.id }));
};
setTimeout(() => ui.list(['Bob is typing…']), 500);
setTimeout(() => ui.list([]), 2050);
setTimeout(() => ui.list(['✓ Bob read your message']), 7200);
let composing = null;
function onInput() {
  if (composing) return;
  ws.send(JSON.stringify({ type: 'typing' }));
  composing = setInterval(() => ws.send(JSON.stringify({ type: 'typing' })), 1000);
}
function onEnter(text) {
  clearInterval(composing);
  ws.send(JSON.stringify({ type: 'chat', text }));
}

// ── Your message box (simulated: keep it as it is) ──────────────────────────────
const typeKeys = (start, from, to) => {
  for (let i = from; i < to; i++) setTimeout(onInput, start + (i - from) * 100);
};
const TYPED = 'On my way, five minutes!';
typeKeys(2500, 0, 10);
typeKeys(5000, 10, TYPED.length);
setTimeout(() => onEnter(TYPED), 6400);
