const statuses = await Promise.all(Array.from({ length: 100 }, () => fetch('/api/messages/wait?since=0').then((r) => r.status)));
console.log(`${statuses.filter((s) => s === 200).length} answered 200`);
