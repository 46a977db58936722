// Several clients and several servers: Alice and Bob each run the learner's code in their own worker,
// a round-robin load balancer puts them on different instances, and only the pub/sub broker lets a
// message cross from one instance to the other.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { usePage } from './support/browser.ts'
import { checkStates, consoleLines, diagramLabels, openLesson, replaceCode, replaceServerCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage()
const solution = readFileSync('lessons/06-scaling-websockets/solution.js', 'utf8')
const serverSolution = readFileSync('lessons/06-scaling-websockets/server.ts', 'utf8')
const GREETING = 'A1: Hi, anyone on the other server?'

describe('two clients, two servers, a broker', () => {
  it('shows a lifeline per client, the load balancer, each instance and the broker', async () => {
    const { page } = session
    await openLesson(page, '06-scaling-websockets')
    // the lesson's own picture, served from its folder
    const picture = page.locator('.lesson-text img')
    await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(520)
    expect(await picture.getAttribute('alt')).toContain('load balancer')
    const actors = await page.locator('svg.actors text').allTextContents()
    expect(actors).toEqual(['Alice (your code)', 'Bob (your code)', 'Load balancer', 'Server 1', 'Server 2', 'Broker (pub/sub)'])
  })

  it('with the broker, Bob hears Alice through Server 1 → broker → Server 2, and Alice hears his reply', async () => {
    const { page } = session
    await openLesson(page, '06-scaling-websockets')
    await setSpeed(page, Infinity)
    await replaceServerCode(page, serverSolution)
    await replaceCode(page, solution)
    expect(await runToEnd(page)).toBe('finished')
    const lines = await consoleLines(page)
    // each line carries its client's tag; both clients log the greeting, then the reply
    expect(lines).toEqual([
      `0.202 s Alice ${GREETING}`,
      `0.202 s Bob ${GREETING}`,
      '0.304 s Alice B1: Hello from Server 2!',
      '0.304 s Bob B1: Hello from Server 2!',
    ])
    const diagram = await diagramLabels(page)
    expect(diagram.filter((l) => l.includes('PUBLISH chat')).length).toBe(2)
    expect((await checkStates(page)).map((c) => c.state)).toEqual(['pass', 'pass', 'pass', 'pass'])
    // the upgrade request says where the load balancer sent it
    await page.locator('svg[aria-label="Sequence diagram of the run"] .message').nth(1).click()
    expect(await page.getByTestId('route-note').textContent()).toContain('sends B1 to Server 2: round-robin')
  })

  it('without the broker, Bob never hears Alice and the check says why', async () => {
    const { page } = session
    await openLesson(page, '06-scaling-websockets')
    await setSpeed(page, Infinity)
    await replaceServerCode(page, serverSolution)
    await replaceCode(page, solution)
    await page.getByLabel('Broker between servers').uncheck()
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toEqual([`0.200 s Alice ${GREETING}`])
    expect((await diagramLabels(page)).some((l) => l.includes('PUBLISH'))).toBe(false)
    expect(await page.locator('svg.actors text').allTextContents()).not.toContain('Broker (pub/sub)')
    const bob = (await checkStates(page)).find((c) => c.id === 'bob-hears-alice')!
    expect(bob.state).toBe('fail')
    expect(bob.message).toContain('without the pub/sub broker Server 1 only tells its own clients')
    await page.getByLabel('Broker between servers').check()
  })
})

describe('a sequence diagram in the lesson text', () => {
  it('steps message by message with Back and Next, with a caption', async () => {
    const { page } = session
    await openLesson(page, '06-scaling-websockets')
    const figure = page.locator('.lesson-text .diagram').first()
    const caption = figure.locator('.diagram-caption')
    const arrows = () => figure.locator('svg .messageText').count()
    await expect.poll(arrows).toBe(6)
    await figure.getByRole('button', { name: '◀ Back' }).click()
    await expect.poll(arrows).toBe(5)
    expect(await caption.textContent()).toBe('Step 5 of 6: S1 → Alice: frame "Hi…"')
    for (let i = 0; i < 5; i++) await figure.getByRole('button', { name: '◀ Back' }).click()
    await expect.poll(arrows).toBe(0)
    expect(await caption.textContent()).toBe('Step 0 of 6: nothing sent yet')
    await figure.getByRole('button', { name: 'Next ▶' }).click()
    await expect.poll(() => caption.textContent()).toBe('Step 1 of 6: Alice → S1: frame "Hi…"')
    await figure.getByRole('button', { name: 'All' }).click()
    await expect.poll(arrows).toBe(6)
  })
})
