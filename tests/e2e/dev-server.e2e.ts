// The README's start command runs the Vite dev server: it must serve the same working playground.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser } from 'playwright-core'
import { freshPage, launchChromium } from './support/browser.ts'
import { consoleLines, runToEnd, setSpeed } from './support/lesson-page.ts'

let server: ViteDevServer
let browser: Browser

beforeAll(async () => {
  server = await createServer({ server: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' })
  await server.listen()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('npm start (the dev server)', () => {
  it('lists the lesson, opens it and runs the starter end to end', async () => {
    const { page, pageErrors } = await freshPage(browser)
    await page.goto(server.resolvedUrls!.local[0]!)
    await page.locator('.lesson-link', { hasText: 'Server-Sent Events: your first stream' }).click()
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 })
    await setSpeed(page, 4)
    expect(await runToEnd(page)).toBe('finished')
    expect(await consoleLines(page)).toHaveLength(5)
    expect(pageErrors).toEqual([])
  })
})
