// cheat: hard-coded output, no network
// fails: logs-three-scores /did not come from the stream's events: the first at 0\.000 s by your code's top level/
for (let i = 0; i < 3; i++) console.log({ home: 0, away: 0 });
