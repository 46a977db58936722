// When the environment fails the learner: the editor cannot load, or storage is full. The lesson must
// still work, say what happened, and lose nothing.
import { afterEach, describe, expect, it } from 'vitest'
import { baseURL, closeFreshPages, freshPage, sharedBrowser } from './support/browser.ts'
import { consoleLines, runToEnd, setSpeed } from './support/lesson-page.ts'

// each test in a fresh context of its own: they break the editor and the storage
afterEach(closeFreshPages)

describe('when things around the lesson fail', () => {
  it('shows a plain text box with a message when Monaco cannot load, and runs what is typed there', async () => {
    const { page } = await freshPage(await sharedBrowser())
    await page.route(/\/assets\/monaco-[^/]+\.js$/, (route) => route.abort())
    await page.goto(`${baseURL()}#/lesson/01-sse-first-stream`)
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
    await page.route(/\/assets\/monaco-[^/]+\.js$/, (route) => route.abort()) // the plain box is quicker to drive
    await page.goto(`${baseURL()}#/lesson/01-sse-first-stream`)
    const box = page.getByRole('textbox', { name: 'Your code' })
    await setSpeed(page, Infinity)
    await box.fill('// my edit\nconsole.log("kept")')
    const banner = page.locator('.banner.warn')
    await banner.waitFor()
    expect(await banner.textContent()).toBe(
      'Browser storage is full, so your latest edit is kept only in this tab. Free some space (other sites’ data) to save again.',
    )
    await runToEnd(page)
    expect(await box.inputValue()).toBe('// my edit\nconsole.log("kept")')
    expect(await consoleLines(page)).toEqual(['0.000 s kept'])
  })
})
