// Inbox: short polling every 30 s is plenty.
let last = 0;
async function checkInbox() {
  const inbox = await (await fetch(`/api/messages?since=${last}`)).json();
  for (const message of inbox.messages) console.log(`${message.from}: ${message.text}`);
  last = inbox.last;
}
checkInbox();
setInterval(checkInbox, 30_000);

// Score: the server pushes, we only listen.
const scores = new EventSource('/api/stream');
scores.onmessage = (e) => {
  const score = JSON.parse(e.data);
  console.log(`score ${score.home}-${score.away}`);
};

// Chat: both ways. A WebSocket does not come back by itself: reconnect when it closes.
function connectChat() {
  const chat = new WebSocket('/chat');
  chat.onopen = () => chat.send('Hello!');
  chat.onmessage = (e) => {
    const message = JSON.parse(e.data);
    console.log(`${message.from}: ${message.text}`);
  };
  chat.onclose = () => setTimeout(connectChat, 1000);
}
connectChat();
