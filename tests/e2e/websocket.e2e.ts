// WebSockets through the bridge: the Upgrade handshake with a correct Sec-WebSocket-Accept, masked
// client frames byte for byte, ping/pong, the closing handshake, a lost connection (1006) and the
// learner's reconnect, and URLs that lead nowhere.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { usePage } from './support/browser.ts'
import { consoleLines, diagramLabels, openLesson, replaceCode, runPaused, runToEnd, setSpeed, stepUntil, waitForRunEnd } from './support/lesson-page.ts'

const session = usePage()

/**
 * Run the code in the chat lesson, skipping ahead. `during` (a fault) is pressed at a known instant:
 * the run starts paused and steps until `pauseWhen` holds, then skips ahead to the end.
 */
async function run(code: string, during?: { pauseWhen: () => Promise<boolean>; act: () => Promise<void> }) {
  const { page } = session
  await openLesson(page, '05-websocket-chat')
  await replaceCode(page, code)
  await setSpeed(page, Infinity)
  if (during) {
    await runPaused(page)
    await stepUntil(page, during.pauseWhen)
    await during.act()
    await page.getByRole('button', { name: '▶▶ Resume' }).click()
    expect(await waitForRunEnd(page)).toBe('finished')
  } else {
    expect(await runToEnd(page)).toBe('finished')
  }
  return { console: await consoleLines(page), diagram: await diagramLabels(page) }
}

const wireOf = async (nth: number) => {
  await session.page.locator('svg[aria-label="Sequence diagram of the run"] .message').nth(nth).click()
  return (await session.page.locator('[data-testid=wire-text], [data-testid=frame-hex]').first().textContent()) ?? ''
}

describe('WebSockets on the simulated wire', () => {
  it('upgrades with a Sec-WebSocket-Accept that matches the key, and masks client frames', async () => {
    const { console, diagram } = await run(
      "const ws = new WebSocket('/chat', 'chat.v1');\nws.onopen = () => { console.log('open', ws.protocol); ws.send('Hello'); };\nws.onmessage = (e) => { console.log(e.data); ws.close(1000); };\nws.onclose = (e) => console.log('close', e.code, e.wasClean);",
    )
    expect(console).toEqual(['0.100 s open chat.v1', '0.200 s {"type":"chat","from":"c1","text":"Hello"}', '0.300 s close 1000 true'])
    expect(diagram.slice(0, 3).map((l) => l.split(',')[0])).toEqual([
      '0.000 s: GET /chat Upgrade: websocket',
      expect.stringMatching(/^0\.050 s: 101 Switching Protocols Sec-WebSocket-Accept: /),
      '0.100 s: TEXT Hello FIN=1 MASKED · 5 B payload · 11 B on the wire',
    ])
    const request = await wireOf(0)
    expect(request).toMatch(
      /^GET \/chat HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: [A-Za-z0-9+/]{22}==\r\nSec-WebSocket-Version: 13\r\nOrigin: http:\/\/127\.0\.0\.1:\d+\r\nSec-WebSocket-Protocol: chat\.v1\r\n\r\n$/,
    )
    const key = /Sec-WebSocket-Key: (\S+)/.exec(request)![1]!
    const expected = createHash('sha1')
      .update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11')
      .digest('base64')
    const response = await wireOf(1)
    expect(response).toContain(`\r\nSec-WebSocket-Accept: ${expected}\r\n`)
    expect(response.startsWith('HTTP/1.1 101 Switching Protocols\r\n')).toBe(true)
    const steps = await session.page.locator('[data-testid=accept-steps]').textContent()
    expect(steps).toContain(expected)
    expect(steps).toContain(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
    // the client's "Hello": 0x81, MASK bit + length 5, 4 key bytes, then the masked payload
    const hex = (await wireOf(2)).split(' ').map((b) => parseInt(b, 16))
    expect(hex.slice(0, 2)).toEqual([0x81, 0x85])
    const mask = hex.slice(2, 6)
    expect(String.fromCharCode(...hex.slice(6).map((b, i) => b ^ mask[i % 4]!))).toBe('Hello')
    expect(await session.page.locator('[data-testid=frame-header]').textContent()).toContain('masked (every client frame must be)')
  })

  it("answers the server's heartbeat ping with a pong the code never sees", async () => {
    const { console, diagram } = await run("const ws = new WebSocket('/chat');\nws.onmessage = (e) => console.log('message', JSON.parse(e.data).text);")
    expect(console).toEqual(['1.550 s message Anyone up for lunch?', '4.050 s message Noon, then.'])
    expect(diagram).toContain('2.550 s: PING "heartbeat" FIN=1 unmasked · 9 B payload · 11 B on the wire, from server to client')
    expect(diagram).toContain('2.600 s: PONG "heartbeat" FIN=1 MASKED · 9 B payload · 15 B on the wire, from client to server')
  })

  it("a lost connection closes with 1006 and no close frame, and the learner's reconnect code connects again", async () => {
    const code =
      "let attempt = 0;\nfunction connect() {\n  const ws = new WebSocket('/chat');\n  const n = ++attempt;\n  ws.onopen = () => console.log('open', n);\n  ws.onerror = () => console.log('error', n);\n  ws.onclose = (e) => { console.log('close', n, e.code, e.wasClean); if (n < 2) setTimeout(connect, 500); };\n}\nconnect();"
    const { console, diagram } = await run(code, {
      pauseWhen: async () => (await consoleLines(session.page)).some((l) => l.endsWith(' open 1')),
      act: () => session.page.getByRole('button', { name: '⚡ Drop connections' }).click(),
    })
    const lostAt = console.findIndex((l) => / error 1$/.test(l))
    expect(lostAt).toBe(1)
    expect(console[2]).toMatch(/ close 1 1006 false$/)
    expect(console[3]).toMatch(/ open 2$/)
    expect(diagram.filter((l) => l.includes('CLOSE'))).toEqual([])
    expect(diagram.filter((l) => l.includes('101 Switching Protocols'))).toHaveLength(2)
  })

  it('⚡ Go silent: nothing reaches the page any more and nothing closes; the diagram and inspector show what was lost', async () => {
    const { page } = session
    const code =
      "const ws = new WebSocket('/chat');\nws.onopen = () => console.log('open');\nws.onmessage = (e) => console.log('message', JSON.parse(e.data).text);\nws.onerror = () => console.log('error');\nws.onclose = (e) => console.log('close', e.code);"
    await openLesson(page, '05-websocket-chat')
    await replaceCode(page, code)
    try {
      await page.getByLabel('Start paused').check()
      await page.getByRole('button', { name: '▶ Run' }).click()
      const step = page.getByRole('button', { name: 'Step ▸' })
      const now = async () => Number(/^Paused · ([\d.]+) s/.exec((await page.locator('.status').textContent()) ?? '')?.[1] ?? NaN)
      // step to 0.1 s, when the 101 reaches the page (one step at a time: each moves simulated time on), then break the path
      await expect.poll(now, { timeout: 15_000 }).toBe(0)
      // a step may end at the instant it started (work of the client and the server at one instant): then
      // the next click moves on; the loop ends when the 101 has reached the page
      for (let clicks = 0; (await now()) < 0.1; clicks++) {
        expect(clicks, 'steps to reach 0.1 s').toBeLessThan(20)
        const before = await now()
        await step.click()
        await expect
          .poll(now, { timeout: 10_000 })
          .toBeGreaterThan(before)
          .catch(() => undefined)
      }
      await expect.poll(() => consoleLines(page), { timeout: 15_000 }).toEqual(['0.100 s open'])
      await page.getByRole('button', { name: '⚡ Go silent' }).click()
      await page.getByRole('button', { name: '▶▶ Resume' }).click()
      expect(await waitForRunEnd(page)).toBe('finished')
      // the scripted users' messages (1.55 s, 4.05 s) and the heartbeats are lost: the page hears nothing, not even a close
      expect(await consoleLines(page)).toEqual(['0.100 s open'])
      const diagram = await diagramLabels(page)
      expect(diagram).toContainEqual(expect.stringMatching(/^0\.100 s: ⚡ fault Every open connection \(c1\) goes silent/))
      const ping = diagram.findIndex((l) => l === '2.550 s: PING "heartbeat" lost: the path is silent, from server to client')
      expect(ping).toBeGreaterThan(0)
      await page.locator('svg[aria-label="Sequence diagram of the run"] .message').nth(ping).click()
      expect(await page.getByTestId('arrival-lost').textContent()).toBe('never: it was sent into a silent path, and nothing told either end')
      expect(await page.getByTestId('faults-pressed').textContent()).toBe('⚡ Go silent at 0.100 s')
    } finally {
      await page.getByLabel('Start paused').uncheck() // a saved setting: the next tests run straight through
    }
  })

  it('a WebSocket closed while CONNECTING fails at once (error, close 1006), and nothing happens on it afterwards', async () => {
    const { console, diagram } = await run(
      "const ws = new WebSocket('/chat');\nfor (const type of ['open', 'message', 'error']) ws.addEventListener(type, () => console.log(type, ws.readyState));\nws.onclose = (e) => console.log('close', e.code, e.wasClean);\nws.close();",
    )
    expect(console).toEqual(['0.000 s error 2', '0.000 s close 1006 false'])
    expect(diagram).toEqual([
      '0.000 s: GET /chat Upgrade: websocket, from client to server',
      '0.000 s: connection closed by the client , from client to server',
    ])
  })

  it('a WebSocket to an unknown path gets 404 and fails with 1006; one to another host is never dialled', async () => {
    let dialled = false
    await session.page.context().route(/example\.invalid/, (route) => {
      dialled = true
      return route.abort()
    })
    const { console, diagram } = await run(
      "for (const url of ['/nope', 'ws://example.invalid/chat']) {\n  const ws = new WebSocket(url);\n  ws.onerror = () => console.log('error', url);\n  ws.onclose = (e) => console.log('close', url, e.code);\n}",
    )
    expect(console).toEqual([
      '0.000 s error ws://example.invalid/chat',
      '0.000 s close ws://example.invalid/chat 1006',
      '0.100 s error /nope',
      '0.100 s close /nope 1006',
    ])
    expect(diagram).toContain('0.050 s: 404 Not Found , from server to client')
    expect(dialled).toBe(false)
    expect(await session.page.locator('[data-testid=console-hint]').allInnerTexts()).toEqual([
      expect.stringMatching(/^0\.100 s\s+Wirelab\s+GET \/nope got 404 Not Found: this lesson's server has no such endpoint\. It offers: WebSocket \/chat\.$/),
    ])
  })
})
