// cheat: almost right: backoff with full jitter, but each new socket starts from nothing
// fails: resumes-without-gaps /were lost: when you reconnect, ask for what came after/
let failures = 0;
function connect() {
  const ws = new WebSocket('/feed');
  ws.onopen = () => {
    failures = 0;
  };
  ws.onmessage = (e) => {
    const post = JSON.parse(e.data);
    console.log(`#${post.seq} ${post.from}: ${post.text}`);
  };
  ws.onclose = () => {
    const ceiling = Math.min(10_000, 1000 * 2 ** failures);
    failures++;
    setTimeout(connect, Math.random() * ceiling);
  };
}
connect();
