// Editing: typing the fix passes the check, edits survive a reload, Reset asks first and can be undone.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { usePage } from './support/browser.ts'
import { checkStates, consoleLines, editorText, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const SLUG = '03-sse-first-stream'
const STARTER = readFileSync(`lessons/${SLUG}/starter.js`, 'utf8')
const session = usePage(async (p) => {
  await openLesson(p, SLUG)
  await setSpeed(p, Infinity)
})

/** put the cursor on "console.log(e.data);" and type the fix, as a learner would */
async function typeTheFix(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-line', { hasText: 'console.log(e.data);' }).click()
  // the click's focus loads the TypeScript service; on a busy machine keys typed while it set itself
  // up went missing (a learner takes longer to start typing), so type once it is there
  await page.waitForFunction(() => performance.getEntriesByName('wirelab:types-ready').length > 0)
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+Home')
  // the line as one insertion (as an input method or a paste gives it): typed key by key, a completion
  // list that opened under load could take a "(" or "." as its commit key and change the text
  await page.keyboard.insertText('console.log(JSON.parse(e.data));')
  await expect.poll(() => editorText(page)).toContain('console.log(JSON.parse(e.data));')
}

describe('editing the code', () => {
  it('typing JSON.parse into the handler makes the check pass', async () => {
    await typeTheFix(session.page)
    expect(await runToEnd(session.page)).toBe('finished')
    const lines = await consoleLines(session.page)
    expect(lines[0]).toMatch(/^1\.050 s \{match: "Lions vs Tigers", minute: \d+, home: \d+, away: \d+\}$/)
    const [check] = await checkStates(session.page)
    expect(check).toEqual({ id: 'logs-three-scores', state: 'pass', message: 'You logged 5 score objects out of 5 events.' })
  })

  it('keeps the edit after a reload', async () => {
    const { page } = session
    await typeTheFix(page)
    // saving waits for a pause in typing: wait until it is saved, then reload
    await page.waitForFunction((slug) => localStorage.getItem(`wirelab:code:${slug}`)?.includes('console.log(JSON.parse(e.data));'), SLUG)
    await page.reload()
    await page.locator('.monaco-editor .view-lines').waitFor()
    expect(await editorText(page)).toContain('console.log(JSON.parse(e.data));')
  })

  it('Reset asks first; Cancel keeps the code, Reset brings the starter back, Ctrl+Z undoes it', async () => {
    await replaceCode(session.page, STARTER.replace('console.log(e.data);', 'console.log(JSON.parse(e.data));'))
    await session.page.getByRole('button', { name: 'Reset', exact: true }).click()
    await session.page.locator('dialog[open]').getByRole('button', { name: 'Cancel' }).click()
    expect(await editorText(session.page)).toContain('JSON.parse(e.data)')
    await session.page.getByRole('button', { name: 'Reset', exact: true }).click()
    await session.page.locator('dialog[open]').getByRole('button', { name: 'Reset' }).click()
    await expect.poll(() => editorText(session.page)).toContain('console.log(e.data);')
    expect(await editorText(session.page)).toContain('// TODO')
    await session.page.locator('.monaco-editor .view-lines').click()
    await session.page.keyboard.press('ControlOrMeta+Z')
    await expect.poll(() => editorText(session.page)).toContain('JSON.parse(e.data)')
  })

  it('Show solution replaces the code after the comparison', async () => {
    await replaceCode(session.page, '// scratch')
    await session.page.getByRole('button', { name: 'Show solution' }).click()
    await session.page.locator('dialog[open]').getByRole('button', { name: 'Use the solution' }).click()
    await expect.poll(() => editorText(session.page)).toContain('const score = JSON.parse(e.data);')
  })
})
