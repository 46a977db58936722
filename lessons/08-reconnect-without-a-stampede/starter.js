// Every client runs this code (client.name is "Ann", "Ben", "Cleo" or "Dev").
function connect() {
  const ws = new WebSocket('/feed');
  ws.onmessage = (e) => {
    const post = JSON.parse(e.data);
    console.log(`#${post.seq} ${post.from}: ${post.text}`);
  };
  // Back after a second, every time: what could go wrong?
  ws.onclose = () => setTimeout(connect, 1000);
}
connect();
