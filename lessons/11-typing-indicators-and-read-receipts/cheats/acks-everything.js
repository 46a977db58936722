// cheat: almost right: every chat frame is acknowledged, your own echoed message too, and twice when shown
// fails: acknowledges-reads /acknowledged message #1 2 times/
const ws = new WebSocket('/chat', ['chat.v2']);
let typing = '';
const receipts = [];
const show = () => ui.list([...receipts, typing].filter(Boolean));
ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  if (message.type === 'typing') {
    typing = message.from + ' is typing…';
    show();
  } else if (message.type === 'chat') {
    ws.send(JSON.stringify({ type: 'read', id: message.id }));
    typing = '';
    ui.chat({ from: message.from, text: message.text });
    show();
    ws.send(JSON.stringify({ type: 'read', id: message.id }));
  } else if (message.type === 'read') {
    receipts.push('✓ ' + message.by + ' read it');
    show();
  }
};
let last = -Infinity;
function onInput() {
  if (Date.now() - last < 1000) return;
  last = Date.now();
  ws.send(JSON.stringify({ type: 'typing' }));
}
function onEnter(text) {
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
