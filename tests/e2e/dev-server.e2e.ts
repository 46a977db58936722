// The README's start command runs the Vite dev server: it must serve the same working playground.
import { describe, expect, it } from 'vitest'
import { freshPage } from './support/browser.ts'
import { useDevServer } from './support/dev-server.ts'
import { consoleLines, runToEnd, setSpeed } from './support/lesson-page.ts'

const dev = useDevServer()

describe('npm start (the dev server)', () => {
  it('lists the lesson, opens it and runs the starter end to end', async () => {
    const { page, pageErrors } = await freshPage(dev.browser)
    await page.goto(dev.url)
    await page.locator('.lesson-link', { hasText: 'Server-Sent Events: your first stream' }).click()
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 })
    await setSpeed(page, 4)
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toHaveLength(5)
    expect(pageErrors).toEqual([])
  })
})
