// cheat: a socket that is never read or reopened, and every post logged at 0 ms
// fails: resumes-without-gaps /not from a post's frame/
// fails: backs-off /No client tried to connect again/
new WebSocket('/feed');
const lines = ['Doors are open, the hall is filling up', 'First speaker on stage'];
for (let seq = 1; seq <= 23; seq++) console.log(`#${seq} Ada: ${lines[seq % 2]} (${seq})`);
