// The editor helps: Ctrl+Enter runs, Escape then Tab leaves it, the text size changes, completion
// knows the learner realm (ui, client, EventSource) and the lesson's message types, TypeScript runs
// with errors at the learner's own lines, and "Show solution" shows a diff before replacing anything.
import { describe, expect, it } from 'vitest'
import { baseURL, KNOWN_MONACO_DISPOSED, KNOWN_MONACO_ERROR, usePage } from './support/browser.ts'
import { consoleLines, editorText, openLesson, replaceCode, runToEnd, setSpeed, waitForRunEnd } from './support/lesson-page.ts'

const session = usePage()

/** type at the end of the code and return the labels the suggestion widget offers */
async function suggestionsAfter(text: string): Promise<string[]> {
  const { page } = session
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(text)
  await page.keyboard.press('Control+Space')
  const rows = page.locator('.suggest-widget .monaco-list-row')
  await rows.first().waitFor()
  return rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''))
}

describe('the editor', () => {
  it('runs on Ctrl+Enter', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    await replaceCode(page, "console.log('ran by keyboard');")
    await page.keyboard.press('ControlOrMeta+Enter')
    expect(await waitForRunEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toEqual(['0.000 s ran by keyboard'])
  })

  it('is not a keyboard trap: Escape then Tab moves focus to the Run button, Shift+Tab goes back before it', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Tab') // indents: Tab belongs to the editor
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('▶ Run')
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Shift+Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('A+ larger text')
  })

  it('makes the text larger and smaller, and keeps the size', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    // one evaluation finds the line and reads it: the editor redraws its lines, and a line found in one
    // step may be gone (and have no size) in the next
    const size = () =>
      page.evaluate(() => {
        const line = document.querySelector('.monaco-editor .view-line')
        return line ? getComputedStyle(line).fontSize : ''
      })
    await expect.poll(size).toMatch(/^\d+px$/) // the editor's first lines are drawn
    const before = await size()
    await page.getByRole('button', { name: 'A+ larger text' }).click()
    await expect.poll(size).not.toBe(before)
    const larger = await size()
    expect(parseFloat(larger)).toBeGreaterThan(parseFloat(before))
    await page.reload()
    await page.locator('.monaco-editor .view-line').first().waitFor()
    await expect.poll(size).toBe(larger)
    await page.getByRole('button', { name: 'A− smaller text' }).click()
    await expect.poll(size).toBe(before)
  })

  it('completes the ui helper and the browser APIs of the learner realm', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await replaceCode(page, 'const es = new EventSource("/api/stream");\n')
    expect(await suggestionsAfter('ui.')).toEqual(expect.arrayContaining([expect.stringContaining('scoreboard'), expect.stringContaining('chat')]))
    await page.keyboard.press('Escape')
    await replaceCode(page, 'const es = new EventSource("/api/stream");\n')
    expect(await suggestionsAfter('es.')).toEqual(expect.arrayContaining([expect.stringContaining('onmessage'), expect.stringContaining('close')]))
  })

  it("knows a TypeScript lesson's message types, and runs TypeScript with errors at the learner's own line", async () => {
    const { page } = session
    await openLesson(page, '07-choosing-the-right-tool')
    await setSpeed(page, Infinity)
    await replaceCode(page, 'const m: ChatMessage = { type: "chat", from: "a", text: "b" };\n')
    expect(await suggestionsAfter('m.')).toEqual(
      expect.arrayContaining([expect.stringContaining('from'), expect.stringContaining('text'), expect.stringContaining('type')]),
    )
    // types are stripped before the run; the throw is on line 3, after type annotations that move columns:
    // "go" is at column 60 of the TypeScript, far left of where it is in the stripped JavaScript
    await replaceCode(page, 'type Id = number;\nconst id: Id = 7;\nconst broken: { go(): void } | null = null as any; broken!.go();\n')
    expect(await runToEnd(page)).toBe('finished')
    const errors = await page.locator('[data-testid=console-error]').allInnerTexts()
    expect(errors.join('\n')).toMatch(/Uncaught TypeError: Cannot read properties of null \(reading 'go'\) \(line 3, column 60\)/)
  })

  it('Show solution first compares, then replaces only when asked, and Ctrl+Z brings the code back', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await replaceCode(page, '// my attempt')
    await page.getByRole('button', { name: 'Show solution' }).click()
    const diff = page.getByTestId('solution-diff')
    await diff.locator('.view-line').first().waitFor()
    const texts = () =>
      diff
        .locator('.view-line')
        .allTextContents()
        .then((lines) => lines.map((l) => l.replace(/\u00a0/g, ' ')))
    await expect.poll(texts).toEqual(expect.arrayContaining(['// my attempt', expect.stringContaining('JSON.parse(e.data)')]))
    await page.locator('dialog[open]').getByRole('button', { name: 'Keep my code' }).click()
    expect(await editorText(page)).toBe('// my attempt')
    await page.getByRole('button', { name: 'Show solution' }).click()
    await page.locator('dialog[open]').getByRole('button', { name: 'Use the solution' }).click()
    await expect.poll(() => editorText(page)).toContain('JSON.parse(e.data)')
    await page.locator('.monaco-editor .view-lines').first().click()
    await page.keyboard.press('ControlOrMeta+Z')
    await expect.poll(() => editorText(page)).toBe('// my attempt')
  })

  // KNOWN BUG (reported, not fixed by the tests): once the TypeScript service has loaded, every later
  // editor in the tab throws two page errors while it is made (editor features whose services the
  // first editor's service collection lacks). This test pins the bug down; when it is fixed it fails:
  // then expect no errors here and remove KNOWN_MONACO_ERROR from support/browser.ts.
  it('KNOWN BUG: another lesson opened after the TypeScript service has loaded throws two Monaco page errors', async () => {
    const { page } = session
    const errors: string[] = []
    const record = (error: Error) => errors.push(error.message)
    page.on('pageerror', record)
    try {
      await openLesson(page, '03-sse-first-stream')
      await replaceCode(page, '// a second editor comes next\n')
      expect(await suggestionsAfter('ui.')).toEqual(expect.arrayContaining([expect.stringContaining('scoreboard')]))
      await page.keyboard.press('Escape')
      // from here on: one new editor, made after the service has loaded (earlier editors of this tab
      // may have thrown the same errors already, depending on when the service loaded)
      errors.length = 0
      await page.goto(`${baseURL()}#/`)
      await openLesson(page, '01-short-polling')
      await page.locator('.monaco-editor .view-lines').click()
      await page.keyboard.type('x')
      await expect.poll(() => editorText(page)).toContain('x')
      // (sometimes also "Model is disposed!" from the editor left behind: see KNOWN_MONACO_DISPOSED)
      expect(errors.filter((e) => !KNOWN_MONACO_DISPOSED.test(e)).map((e) => e.split('\n')[0])).toEqual([
        expect.stringMatching(KNOWN_MONACO_ERROR),
        expect.stringMatching(KNOWN_MONACO_ERROR),
      ])
    } finally {
      page.off('pageerror', record)
    }
  })
})
