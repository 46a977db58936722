// cheat: the wrong technique: resumes by seq, but retries every second, like the starter
// fails: backs-off /your clients tried \d+ times/
// fails: spreads-out /A stampede: all 4 clients knocked within 30 ms/
let lastSeq = 0;
function connect() {
  const ws = new WebSocket(`/feed?after=${lastSeq}`);
  ws.onmessage = (e) => {
    const post = JSON.parse(e.data);
    if (post.seq <= lastSeq) return;
    lastSeq = post.seq;
    console.log(`#${post.seq} ${post.from}: ${post.text}`);
  };
  ws.onclose = () => setTimeout(connect, 1000);
}
connect();
