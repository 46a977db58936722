// Ask the inbox for messages newer than `last`.
let last = 0;

async function poll() {
  const res = await fetch(`/api/messages?since=${last}`);
  const body = await res.json();
  for (const message of body.messages) {
    console.log(`${message.from}: ${message.text}`);
  }
  last = body.last;
}

poll();
setInterval(poll, 1000);
