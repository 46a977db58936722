// Connect to the live score stream. The browser sends GET /api/stream
// with "Accept: text/event-stream" and keeps the response open.
const es = new EventSource('/api/stream');

es.onmessage = (e) => {
  const score = JSON.parse(e.data);
  console.log(score);
};
