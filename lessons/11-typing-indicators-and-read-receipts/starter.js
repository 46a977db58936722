// TODO: offer the chat.v2 subprotocol: without it the server speaks chat.v1 (no ids, no typing, no receipts)
const ws = new WebSocket('/chat');

ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  if (message.type === 'chat') ui.chat({ from: message.from, text: message.text });
  // TODO: "typing" → show that Bob is typing (ui.list), and hide it when his message comes
  // TODO: a message of Bob's → once shown, acknowledge it: {"type":"read","id":…}
  // TODO: "read" → show that Bob has read your message
};

// Called on every key you press.
function onInput() {
  // TODO: this tells the others on every key: at most once a second is enough
  ws.send(JSON.stringify({ type: 'typing' }));
}

// Called when you press Enter.
function onEnter(text) {
  ws.send(JSON.stringify({ type: 'chat', text }));
}

// ── Your message box (simulated: keep it as it is) ──────────────────────────────
// At 2.5 s you type "On my way,", one key every 100 ms, stop to think, go on at 5 s with
// " five minutes!" and press Enter.
const typeKeys = (start, from, to) => {
  for (let i = from; i < to; i++) setTimeout(onInput, start + (i - from) * 100);
};
const TYPED = 'On my way, five minutes!';
typeKeys(2500, 0, 10);
typeKeys(5000, 10, TYPED.length);
setTimeout(() => onEnter(TYPED), 6400);
