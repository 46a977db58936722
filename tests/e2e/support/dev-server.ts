// A Vite dev server on 127.0.0.1 (what `npm start` runs) and a Chromium for the tests that need one.
import { afterAll, beforeAll } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser } from 'playwright-core'
import { launchChromium } from './browser.ts'

export function useDevServer(): { readonly server: ViteDevServer; readonly browser: Browser; readonly url: string } {
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
  return {
    get server() {
      return server
    },
    get browser() {
      return browser
    },
    get url() {
      return server.resolvedUrls!.local[0]!
    },
  }
}
