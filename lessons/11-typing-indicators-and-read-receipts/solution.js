const ws = new WebSocket('/chat', ['chat.v2']);
ws.onopen = () => console.log(`speaking ${ws.protocol}`);

// what the Output pane shows above the messages: the receipts, and who is typing
let typing = '';
let typingTimer;
const receipts = [];
const show = () => ui.list([...receipts, typing].filter(Boolean));

ws.onmessage = (e) => {
  const message = JSON.parse(e.data);
  if (message.type === 'typing') {
    typing = `${message.from} is typing…`;
    // no "stopped typing" message ever comes: the indicator expires by itself
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      typing = '';
      show();
    }, 3000);
    show();
  } else if (message.type === 'chat') {
    ui.chat({ from: message.from, text: message.text });
    if (message.from !== 'You') {
      typing = '';
      clearTimeout(typingTimer);
      show();
      ws.send(JSON.stringify({ type: 'read', id: message.id }));
    }
  } else if (message.type === 'read') {
    receipts.push(`✓ ${message.by} read your message #${message.id}`);
    show();
  }
};

// at most one "typing" a second: the first key at once, then the first key after a second has passed
let lastTyping = -Infinity;
function onInput() {
  if (Date.now() - lastTyping < 1000) return;
  lastTyping = Date.now();
  ws.send(JSON.stringify({ type: 'typing' }));
}

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
