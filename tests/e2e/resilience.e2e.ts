// When the environment fails the learner: the editor cannot load, or storage is full. The lesson must
// still work, say what happened, and lose nothing.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { baseURL, closeFreshPages, freshPage, sharedBrowser } from './support/browser.ts'
import { consoleLines, runToEnd, setSpeed } from './support/lesson-page.ts'

// each test in a fresh context of its own: they break the editor and the storage
afterEach(closeFreshPages)

/**
 * Monaco's module fails as it loads. Not by aborting its chunk on the network: the course's service
 * worker answers the site's files itself (from its offline copy), out of reach of page.route.
 */
async function blockMonaco(page: Page): Promise<void> {
  await page.addInitScript(() =>
    Object.defineProperty(self, 'MonacoEnvironment', {
      set() {
        throw new Error('Monaco blocked by the test')
      },
    }),
  )
}

describe('when things around the lesson fail', () => {
  it('shows a plain text box with a message when Monaco cannot load, and runs what is typed there', async () => {
    const { page } = await freshPage(await sharedBrowser())
    await blockMonaco(page)
    await page.goto(`${baseURL()}#/lesson/03-sse-first-stream`)
    const box = page.getByRole('textbox', { name: 'Your code' })
    await box.waitFor()
    expect(await page.locator('.fallback-note').textContent()).toMatch(
      /^The code editor could not load \(.+\)\. You can still edit your code in this plain text box\.$/,
    )
    expect(await box.inputValue()).toContain("new EventSource('/api/stream')")
    await box.fill("const es = new EventSource('/api/stream');\nes.onmessage = (e) => console.log('got', e.lastEventId);\n")
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toEqual(['1.050 s got 1', '2.050 s got 2', '3.050 s got 3', '4.050 s got 4', '5.050 s got 5'])
  })

  it('says so when storage is full, and keeps the edit in the page', async () => {
    const { page } = await freshPage(await sharedBrowser())
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
    })
    await blockMonaco(page) // the plain box is quicker to drive
    await page.goto(`${baseURL()}#/lesson/03-sse-first-stream`)
    const box = page.getByRole('textbox', { name: 'Your code' })
    await setSpeed(page, Infinity)
    await box.fill('// my edit\nconsole.log("kept")')
    // the code's own warning (the progress has one of its own, about check results and answers)
    const banner = page.locator('.banner.warn', { hasText: 'your latest edit' })
    await banner.waitFor()
    expect(await banner.locator('p').textContent()).toBe(
      'Browser storage for this site is full, so your latest edit is kept only in this tab. Download your code to keep it safe.',
    )
    // the advice can be followed on the spot: the code downloads as a file
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download your code' }).click()])
    expect(download.suggestedFilename()).toBe('03-sse-first-stream.js')
    expect(readFileSync((await download.path())!, 'utf8')).toBe('// my edit\nconsole.log("kept")')
    await runToEnd(page)
    expect(await box.inputValue()).toBe('// my edit\nconsole.log("kept")')
    expect(await consoleLines(page)).toEqual(['0.000 s kept'])
  })
})

describe('two tabs on the same lesson', () => {
  it('a tab that sees the other tab save asks which code to keep, and overwrites nothing meanwhile', async () => {
    const { page: a } = await freshPage(await sharedBrowser())
    const b = await a.context().newPage()
    for (const page of [a, b]) {
      await blockMonaco(page) // the plain box is quicker to drive
      await page.goto(`${baseURL()}#/lesson/03-sse-first-stream`)
    }
    const boxA = a.getByRole('textbox', { name: 'Your code' })
    const boxB = b.getByRole('textbox', { name: 'Your code' })
    // both lessons are open (their sessions listen for each other's saves) before A edits
    await boxA.waitFor()
    await boxB.waitFor()
    await boxA.fill('// tab A')
    await expect.poll(() => a.evaluate(() => localStorage.getItem('wirelab:code:03-sse-first-stream'))).toBe('// tab A')
    // tab B still shows the starter; A's save reaches it as a question, not as a silent change
    const question = b.getByTestId('other-tab')
    await question.waitFor()
    expect(await question.locator('p').textContent()).toBe("This lesson's code was changed in another tab. Which version do you want to keep?")
    await boxB.fill('// tab B')
    // the save B would make once the learner pauses, made now (the page saves when it is left), to
    // show that nothing is written while the question is open
    await b.evaluate(async () => {
      dispatchEvent(new Event('beforeunload'))
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    expect(await b.evaluate(() => localStorage.getItem('wirelab:code:03-sse-first-stream'))).toBe('// tab A')
    // B keeps its own: saved now, and A is asked in turn
    await question.getByRole('button', { name: "Keep this tab's code" }).click()
    await expect.poll(() => b.evaluate(() => localStorage.getItem('wirelab:code:03-sse-first-stream'))).toBe('// tab B')
    await a.getByTestId('other-tab').waitFor()
    await a.getByTestId('other-tab').getByRole('button', { name: "Use the other tab's code" }).click()
    expect(await boxA.inputValue()).toBe('// tab B')
    expect(await a.getByTestId('other-tab').count()).toBe(0)
  })
})
