const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function poll() {
  for (;;) {
    const response = await fetch('/api/quote')
    if (response.status === 429) {
      const seconds = Number(response.headers.get('Retry-After') ?? 1)
      await sleep(seconds * 1000)
      continue
    }
    const { quote } = await response.json()
    console.log(`"${quote.text}" — ${quote.author}`)
  }
}

poll()
