// cheat: every line logged at 0 ms, connections opened but never read
// fails: chat-lines-logged /by your code's top level, not from its frame/
// fails: heartbeat-notices-silence /Only a heartbeat notices/
new WebSocket('/chat');
new EventSource('/api/alerts?keepalive=2000');
console.log('Ada: Deploy looks good (1)');
console.log('alert: Disk 80% full on db-1');
console.log('job: nightly-backup finished');
console.log('alert: Error rate above 1% on api');
console.log('alert: db-1 back to normal');
