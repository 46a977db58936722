const es = new EventSource('/api/build');

// onmessage gets only the events that have no name
es.onmessage = (e) => {
  console.log(e.data);
};
