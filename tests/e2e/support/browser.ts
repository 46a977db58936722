// Launches the machine's Chromium (never a downloaded one) with the flags this workplace needs.
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium'
}

export function launchChromium(): Promise<Browser> {
  // a new browser process starts with a fresh temporary profile
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
}

export function baseURL(): string {
  return inject('baseURL')
}

/** a page in a fresh context (fresh storage, no service worker yet); page errors fail the test that reads them */
export async function freshPage(browser: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return { page, pageErrors }
}

/**
 * One Chromium and one fresh page for a whole test file, launched before its first test and closed
 * after its last. Read `.page` inside tests (it exists once the file's hooks have run).
 */
export function usePage(setup: (page: Page) => Promise<void> = async () => {}): {
  readonly page: Page
  readonly pageErrors: string[]
  readonly browser: Browser
} {
  let browser: Browser | undefined
  let opened: { page: Page; pageErrors: string[] } | undefined
  beforeAll(async () => {
    browser = await launchChromium()
    opened = await freshPage(browser)
    await setup(opened.page)
  })
  afterAll(async () => {
    await browser?.close()
  })
  return {
    get page() {
      return opened!.page
    },
    get pageErrors() {
      return opened!.pageErrors
    },
    get browser() {
      return browser!
    },
  }
}
