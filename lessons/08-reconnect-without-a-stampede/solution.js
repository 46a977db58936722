// Every client runs this code (client.name is "Ann", "Ben", "Cleo" or "Dev").
let lastSeq = 0; // the last post this client showed
let failures = 0; // failed attempts since the socket was last open

function connect() {
  // resume: ask only for the posts after the last one shown
  const ws = new WebSocket(`/feed?after=${lastSeq}`);
  ws.onopen = () => {
    failures = 0;
  };
  ws.onmessage = (e) => {
    const post = JSON.parse(e.data);
    if (post.seq <= lastSeq) return; // shown already
    lastSeq = post.seq;
    console.log(`#${post.seq} ${post.from}: ${post.text}`);
  };
  ws.onclose = () => {
    // exponential backoff with full jitter: a random wait between 0 and min(10 s, 1 s × 2^failures)
    const ceiling = Math.min(10_000, 1000 * 2 ** failures);
    failures++;
    setTimeout(connect, Math.random() * ceiling);
  };
}
connect();
