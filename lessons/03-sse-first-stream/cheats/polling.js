// cheat: the wrong technique: polls /api/score with fetch instead of listening to the stream
// fails: logs-three-scores /came from fetch answers: that is polling/
setInterval(async () => {
  const res = await fetch('/api/score');
  console.log(await res.json());
}, 1000);
