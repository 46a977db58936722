// Launches the machine's Chromium (never a downloaded one) with the flags this workplace needs.
import { chromium, type Browser, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

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
