// cheat: the wrong technique: polls /chat with fetch instead of opening a WebSocket
// fails: upgraded /No 101 Switching Protocols/
// fails: logs-chat /open a WebSocket/
setInterval(async () => {
  const res = await fetch('/chat');
  console.log(await res.text());
}, 1000);
