// The client is done: every reader opens the news feed and shows each story once.
// Your work is on the server side: open the server.ts tab.
const seen = new Set();
const feed = new EventSource('/api/news');
feed.onmessage = (e) => {
  const story = JSON.parse(e.data);
  if (seen.has(story.id)) return;
  seen.add(story.id);
  console.log(story.headline);
};
