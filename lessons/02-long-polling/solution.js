// Long polling: the server holds each request until it has something new.
let last = 0;

async function waitForMessages() {
  while (true) {
    const res = await fetch(`/api/messages/wait?since=${last}`);
    if (res.status === 204) continue; // nothing new within the hold timeout: ask again
    const body = await res.json();
    for (const message of body.messages) {
      console.log(`${message.from}: ${message.text}`);
    }
    last = body.last;
  }
}

waitForMessages();
