// What the learner's code shows: objects in the console, pretty-printed and expandable; Clear; and the
// Output pane the `ui` helper fills (a worker has no page of its own).
import { describe, expect, it } from 'vitest'
import { usePage } from './support/browser.ts'
import { consoleLines, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage(async (p) => {
  await openLesson(p, '03-sse-first-stream')
  await setSpeed(p, Infinity)
})

describe('console and output', () => {
  it('logs an object collapsed, expands it on click, and levels are told apart', async () => {
    const { page } = session
    await replaceCode(page, "console.log('score', { home: 2, away: 1, scorers: ['Ann', 'Bo'] });\nconsole.warn('careful');\n")
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toEqual(['0.000 s score {home: 2, away: 1, scorers: ["Ann", "Bo"]}', '0.000 s careful'])
    const details = page.locator('[data-testid=console-line] details').first()
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    await details.locator('summary').click()
    expect(await details.locator('pre').textContent()).toBe('{\n  "home": 2,\n  "away": 1,\n  "scorers": [\n    "Ann",\n    "Bo"\n  ]\n}')
    expect(await page.locator('[data-testid=console-line].warn').count()).toBe(1)
  })

  it('Clear empties the console, and the next run fills it again', async () => {
    const { page } = session
    await replaceCode(page, "console.log('score', { home: 2, away: 1, scorers: ['Ann', 'Bo'] });\nconsole.warn('careful');\n")
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toHaveLength(2)
    await page.getByRole('button', { name: '⌀ Clear' }).click()
    expect(await consoleLines(page)).toEqual([])
    await expect.poll(() => page.locator('.console').textContent()).toContain('Console cleared.')
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toHaveLength(2)
  })

  it('shows what ui.scoreboard, ui.list and ui.chat put in the Output pane', async () => {
    const { page } = session
    await replaceCode(
      page,
      [
        "const es = new EventSource('/api/stream');",
        'es.onmessage = (e) => {',
        '  const s = JSON.parse(e.data);',
        "  ui.scoreboard({ home: 'Lions', away: 'Tigers', homeScore: s.home, awayScore: s.away, detail: `minute ${s.minute}` });",
        '  ui.append(`update ${e.lastEventId}`);',
        '};',
        "ui.chat({ from: 'Ann', text: 'kick-off!' });",
      ].join('\n'),
    )
    expect(await runToEnd(page)).toBe('finished')
    await page.getByRole('tab', { name: 'Output' }).click()
    await page.getByTestId('output-list').waitFor()
    expect(await page.getByTestId('output-list').locator('li').allTextContents()).toEqual(['update 1', 'update 2', 'update 3', 'update 4', 'update 5'])
    expect((await page.getByTestId('scoreboard').innerText()).replace(/\s+/g, ' ')).toMatch(/^Lions \d+ – \d+ Tigers minute \d+$/)
    expect((await page.getByTestId('output-chat').innerText()).replace(/\s+/g, ' ')).toBe('0.000 s Ann kick-off!')
  })

  it("a wrong ui call fails at the learner's line with a message that says how to call it", async () => {
    const { page } = session
    await replaceCode(page, "ui.list('not a list');\n")
    expect(await runToEnd(page)).toBe('finished')
    await page.getByRole('tab', { name: /Console/ }).click()
    expect(await page.locator('[data-testid=console-error]').allInnerTexts()).toEqual([
      expect.stringMatching(/Uncaught TypeError: ui\.list\(items\) needs an array, e\.g\. ui\.list\(\["one", "two"\]\) \(line 1, column \d+\)$/),
    ])
  })
})
