// Connect to the live score stream. The browser sends GET /api/stream
// with "Accept: text/event-stream" and keeps the response open.
const es = new EventSource('/api/stream');

es.onmessage = (e) => {
  // TODO: e.data is text. Turn it into an object with JSON.parse
  // and log the object, so its fields (home, away, minute) can be read.
  console.log(e.data);
};
