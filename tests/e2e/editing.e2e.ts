// Editing: typing the fix passes the check, edits survive a reload, Reset asks first and can be undone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { freshPage, launchChromium } from './support/browser.ts'
import { checkStates, consoleLines, editorText, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const SLUG = '01-sse-first-stream'
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  ;({ page } = await freshPage(browser))
  await openLesson(page, SLUG)
  await setSpeed(page, 4)
})
afterAll(async () => {
  await browser?.close()
})

describe('editing the code', () => {
  it('typing JSON.parse into the handler makes the check pass', async () => {
    // put the cursor on "console.log(e.data);" and type the fix, as a learner would
    await page.locator('.monaco-editor .view-line', { hasText: 'console.log(e.data);' }).click()
    await page.keyboard.press('End')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.type('console.log(JSON.parse(e.data')
    await page.keyboard.press('End') // past the brackets the editor closed by itself
    await page.keyboard.type(';')
    expect(await editorText(page)).toContain('console.log(JSON.parse(e.data));')
    expect(await runToEnd(page)).toBe('finished')
    const lines = await consoleLines(page)
    expect(lines[0]).toMatch(/^1\.100 s \{match: "Lions vs Tigers", minute: \d+, home: \d+, away: \d+\}$/)
    const [check] = await checkStates(page)
    expect(check).toEqual({ id: 'logs-three-scores', state: 'pass', message: 'You logged 5 score objects out of 5 events.' })
  })

  it('keeps the edit after a reload', async () => {
    await page.waitForTimeout(400) // saving waits for a pause in typing
    await page.reload()
    await page.locator('.monaco-editor .view-lines').waitFor()
    expect(await editorText(page)).toContain('console.log(JSON.parse(e.data));')
  })

  it('Reset asks first; Cancel keeps the code, Reset brings the starter back, Ctrl+Z undoes it', async () => {
    await page.getByRole('button', { name: 'Reset', exact: true }).click()
    await page.locator('dialog[open]').getByRole('button', { name: 'Cancel' }).click()
    expect(await editorText(page)).toContain('JSON.parse(e.data)')
    await page.getByRole('button', { name: 'Reset', exact: true }).click()
    await page.locator('dialog[open]').getByRole('button', { name: 'Reset' }).click()
    await expect.poll(() => editorText(page)).toContain('console.log(e.data);')
    expect(await editorText(page)).toContain('// TODO')
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+Z')
    await expect.poll(() => editorText(page)).toContain('JSON.parse(e.data)')
  })

  it('Show solution replaces the code after a confirm', async () => {
    await replaceCode(page, '// scratch')
    await page.getByRole('button', { name: 'Show solution' }).click()
    await page.locator('dialog[open]').getByRole('button', { name: 'Show solution' }).click()
    await expect.poll(() => editorText(page)).toContain('const score = JSON.parse(e.data);')
  })
})
