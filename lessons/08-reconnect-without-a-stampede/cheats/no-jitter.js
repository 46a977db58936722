// cheat: almost right: exponential backoff and resume, but every client waits exactly 1 s, 2 s, 4 s …
// fails: spreads-out /each after waiting exactly 1.000 s/
let lastSeq = 0;
let failures = 0;
function connect() {
  const ws = new WebSocket(`/feed?after=${lastSeq}`);
  ws.onopen = () => {
    failures = 0;
  };
  ws.onmessage = (e) => {
    const post = JSON.parse(e.data);
    if (post.seq <= lastSeq) return;
    lastSeq = post.seq;
    console.log(`#${post.seq} ${post.from}: ${post.text}`);
  };
  ws.onclose = () => {
    const wait = Math.min(10_000, 1000 * 2 ** failures);
    failures++;
    setTimeout(connect, wait);
  };
}
connect();
