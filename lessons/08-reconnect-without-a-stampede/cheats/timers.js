// cheat: the socket is opened but never read; each post is logged by a timer when it would arrive
// fails: resumes-without-gaps /by a timer/
// fails: spreads-out /No client tried to connect again/
new WebSocket('/feed');
for (let seq = 1; seq <= 23; seq++) setTimeout(() => console.log(`#${seq} Ada: post (${seq})`), seq * 1000 + 60);
