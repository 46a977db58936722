const es = new EventSource('/api/match')

es.addEventListener('goal', (e) => {
  const goal = JSON.parse(e.data)
  console.log(`GOAL ${goal.minute}' ${goal.team}`)
})

es.addEventListener('card', (e) => {
  const card = JSON.parse(e.data)
  console.log(`${card.colour.toUpperCase()} CARD ${card.minute}' ${card.team}`)
})
