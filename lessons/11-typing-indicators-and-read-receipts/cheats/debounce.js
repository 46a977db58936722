// cheat: almost right: typing is debounced (sent once the keys pause), so the others learn late; the indicator never goes away
// fails: throttles-typing /not told until later/
// fails: shows-typing-and-receipts /still said he was typing/
const ws = new WebSocket('/chat', ['chat.v2']);
const receipts = [];
let typing = '';
const show = () => ui.list([...receipts, typing].filter(Boolean));
ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  if (message.type === 'typing') {
    typing = message.from + ' is typing…';
    show();
  } else if (message.type === 'chat') {
    ui.chat({ from: message.from, text: message.text });
    if (message.from !== 'You') ws.send(JSON.stringify({ type: 'read', id: message.id }));
  } else if (message.type === 'read') {
    receipts.push('✓ read by ' + message.by);
    show();
  }
};
let pause;
function onInput() {
  clearTimeout(pause);
  pause = setTimeout(() => ws.send(JSON.stringify({ type: 'typing' })), 300);
}
function onEnter(text) {
  clearTimeout(pause);
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
