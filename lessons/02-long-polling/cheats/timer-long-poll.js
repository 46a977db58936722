// cheat: the wrong technique: long polls sent on a timer, without waiting for the answers
// fails: one-request-at-a-time /was still waiting for its answer/
let last = 0;
async function poll() {
  const res = await fetch(`/api/messages/wait?since=${last}`);
  if (res.status === 204) return;
  const body = await res.json();
  for (const message of body.messages) {
    if (message.id > last) console.log(`${message.from}: ${message.text}`);
  }
  last = Math.max(last, body.last);
}
poll();
setInterval(poll, 1000);
