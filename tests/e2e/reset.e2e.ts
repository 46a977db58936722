// The e2e files share one page per file and reset it before every test (support/browser.ts): the reset
// must leave nothing of what a test did for the next one to depend on.
import { describe, expect, it } from 'vitest'
import { resetPage, usePage } from './support/browser.ts'
import { consoleLines, editorText, openLesson, replaceCode, setSpeed, setStartPaused } from './support/lesson-page.ts'

const session = usePage()

describe('resetting the shared page between tests', () => {
  it('forgets edits, settings, the text size, a run still going and an open dialog', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    // one evaluation finds the line and reads it: the editor redraws its lines, and a line found in one
    // step may be gone (and have no size) in the next
    const fontSize = () =>
      page.evaluate(() => {
        const line = document.querySelector('.monaco-editor .view-line')
        return line ? getComputedStyle(line).fontSize : ''
      })
    await expect.poll(fontSize).toMatch(/^\d+px$/)
    const defaultSize = await fontSize()
    const starter = await editorText(page)
    // a learner who changed everything, left a run going and opened a dialog
    await replaceCode(page, "console.log('left over');\nsetInterval(() => console.log('still running'), 100);")
    await setSpeed(page, 0.25)
    await page.getByRole('button', { name: 'A+ larger text' }).click()
    await expect.poll(fontSize).not.toBe(defaultSize)
    await page.getByRole('button', { name: '▶ Run' }).click()
    await expect.poll(() => consoleLines(page)).toContain('0.000 s left over')
    await setStartPaused(page, true)
    await page.getByRole('button', { name: 'Reset', exact: true }).click()
    await page.locator('dialog[open]').waitFor()

    await resetPage(page)
    await openLesson(page, '03-sse-first-stream')
    expect(await editorText(page)).toBe(starter)
    await expect.poll(fontSize).toBe(defaultSize)
    expect(await page.locator('.speed select').inputValue()).toBe('1')
    expect(await page.getByLabel('Start paused').isChecked()).toBe(false)
    expect(await page.locator('.status').getAttribute('data-status')).toBe('idle')
    expect(await consoleLines(page)).toEqual([])
    expect(await page.locator('dialog[open]').count()).toBe(0)
  })
})
