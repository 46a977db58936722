// The built course on a plain static host at a sub-path (/courses/realtime/), as a GitHub Pages project
// site or a university web space would serve it: it works there with no configuration, never asks
// another origin for anything, and after the first visit works with the network off — Playwright's
// offline mode, or the host stopped with every tab closed — including the editor's TypeScript service,
// the lesson diagrams and a run whose checks pass. Where no service worker is allowed, it says so.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath, launchChromium } from './support/browser.ts'
import { checkStates, editorText, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'
import { startStaticHost, type StaticHost } from './support/static-host.ts'

let browser: Browser
let host: StaticHost

beforeAll(async () => {
  host = await startStaticHost(resolve('dist'))
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

const solution = (slug: string) => readFileSync(`lessons/${slug}/solution.js`, 'utf8')

/**
 * The host is the context's proxy: every request of its pages, their workers and the service worker goes
 * there first, so one for another origin is recorded (and refused), whoever made it.
 */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce', proxy: { server: host.origin } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  return context
}

/**
 * What the host saw, but for Chromium's own lookups of a page's form fields (autofill, a browser feature
 * that asks Google about any page with an input): the browser makes them, not the course, whatever it does.
 */
const courseRequests = () => host.requests.filter((r) => r !== 'CONNECT content-autofill.googleapis.com:443 refused')

/** the first visit: the home page, then wait until the whole course is kept for offline use */
async function firstVisit(page: Page): Promise<void> {
  await page.goto(host.url)
  await page.locator('[data-testid=offline-status][data-ready=true]').waitFor({ timeout: 120_000 })
}

async function openLessonFromHome(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click()
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
}

/** a run of the lesson's solution, skipping ahead; every check must pass */
async function solve(page: Page, slug: string): Promise<void> {
  await setSpeed(page, Infinity)
  await replaceCode(page, solution(slug))
  expect(await runToEnd(page)).toBe('finished')
  const checks = await checkStates(page)
  expect(checks.length).toBeGreaterThan(0)
  expect(checks.filter((c) => c.state !== 'pass')).toEqual([])
}

/** the TypeScript service answers: completion knows the lesson's message type */
async function typescriptCompletes(page: Page): Promise<string[]> {
  await replaceCode(page, 'const m: ChatMessage = { type: "chat", from: "a", text: "b" };\n')
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type('m.')
  await page.keyboard.press('Control+Space')
  const rows = page.locator('.suggest-widget .monaco-list-row')
  // the TypeScript worker (7 MB) starts from the offline copy: slow on a loaded machine
  await rows.first().waitFor({ timeout: 60_000 })
  return rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''))
}

// a first visit downloads the whole course (~17 MB) and opens Monaco: minutes on a loaded machine, not seconds
const SLOW = { timeout: 180_000 }

describe('a static host at a sub-path', SLOW, () => {
  it('serves a course that works there, asking nothing of another origin or of anything above its folder', async () => {
    const context = await newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    host.requests.length = 0
    await page.goto(host.url)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Wirelab')
    // the whole first visit, the offline copy included, is under the record
    await page.locator('[data-testid=offline-status][data-ready=true]').waitFor({ timeout: 120_000 })
    await openLessonFromHome(page, 'Server-Sent Events: your first stream')
    expect(page.url()).toBe(`${host.url}#/lesson/03-sse-first-stream`)
    await page.locator('.lesson-text .diagram svg').first().waitFor()
    await solve(page, '03-sse-first-stream')
    // the favicon, the service worker and msw's worker are all found at the sub-path
    expect(await page.evaluate(() => (document.querySelector('link[rel=icon]') as HTMLLinkElement).href)).toBe(`${host.url}favicon.svg`)
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${host.url}sw.js`)
    expect(host.requests).toContain(`GET /courses/realtime/mockServiceWorker.js 200`)
    // nothing outside the course's folder, nothing that was missing, and no other origin at all (the host
    // is the context's proxy: it saw every request of the page, its workers and the service worker)
    expect(courseRequests().filter((r) => !r.startsWith('GET /courses/realtime/') || !r.endsWith(' 200'))).toEqual([])
    expect(errors).toEqual([])
    // and it would have seen one: the service worker itself asking another origin is recorded
    const [worker] = context.serviceWorkers()
    await worker!.evaluate(() =>
      fetch('http://wirelab-elsewhere.test/canary').then(
        () => undefined,
        () => undefined,
      ),
    )
    expect(host.requests).toContain('GET http://wirelab-elsewhere.test/canary 502')
    await context.close()
  })
})

describe('offline after the first visit', SLOW, () => {
  it("in Playwright's offline mode: reload, any lesson with its diagram, the TypeScript service, a run whose checks pass", async () => {
    const context = await newContext()
    const page = await context.newPage()
    await firstVisit(page)
    await context.setOffline(true)
    host.requests.length = 0
    await page.reload()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Wirelab')
    await openLessonFromHome(page, 'Server-Sent Events: your first stream')
    await page.locator('.lesson-text .diagram svg').first().waitFor()
    await solve(page, '03-sse-first-stream')
    await page.goto(`${host.url}#/lesson/07-choosing-the-right-tool`)
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
    expect(await typescriptCompletes(page)).toEqual(expect.arrayContaining([expect.stringContaining('from'), expect.stringContaining('text')]))
    // everything came from the service worker's copy: the host saw nothing but the browser's own update
    // checks of the service worker (which offline mode does not stop; offline, they fail harmlessly)
    expect(courseRequests().filter((r) => !/^GET \/courses\/realtime\/(sw|mockServiceWorker)\.js 200$/.test(r))).toEqual([])
    await context.close()
  })

  it('with the host stopped and every tab closed: a new tab opens the course, a lesson and a run whose checks pass', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await firstVisit(page)
    // one run online, so msw has been started (and, as its last tab closes, would unregister itself)
    await openLessonFromHome(page, 'Short polling: ask again and again')
    await solve(page, '01-short-polling')
    await page.close()
    await host.stop()
    try {
      const again = await context.newPage()
      await again.goto(`${host.url}#/lesson/02-long-polling`)
      await again.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
      await again.locator('.lesson-text .diagram svg').first().waitFor()
      await solve(again, '02-long-polling')
      await again.reload()
      await again.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
    } finally {
      await host.start()
      await context.close()
    }
  })
})

describe('where no service worker is allowed', () => {
  it('on plain http at a LAN address, says what does not work and how to fix it', async () => {
    // a name for 127.0.0.1 that is not "localhost": to the browser, a LAN address like any other
    const lan = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP wirelab.lan 127.0.0.1'],
    })
    try {
      const page = await lan.newPage()
      const address = host.url.replace('127.0.0.1', 'wirelab.lan')
      await page.goto(address)
      const notice = page.getByTestId('no-service-worker')
      await notice.waitFor()
      expect(await notice.textContent()).toContain(
        `This address (http://wirelab.lan) is not a secure context, so the browser allows no service worker here: Run cannot reach the simulated server, and the course does not work offline. Open it over https://, or at http://localhost or http://127.0.0.1 on this computer.`,
      )
      expect(await page.getByTestId('still-works').textContent()).toMatch(
        /What still works here: reading the lessons and their diagrams, answering their questions, and writing code in the editor \(it is kept in\s+this browser\)\./,
      )
      // the lesson page says it too, before anyone presses Run; and what it says still works, works
      await page.goto(`${address}#/lesson/03-sse-first-stream`)
      await page.getByTestId('no-service-worker').waitFor()
      await page.locator('.lesson-text .diagram svg').first().waitFor()
      await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
      // typed, not pasted: an insecure page has no clipboard API
      await page.locator('.monaco-editor .view-lines').click()
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type('let kept = 1')
      await expect.poll(() => page.evaluate(() => localStorage.getItem('wirelab:code:03-sse-first-stream'))).toBe('let kept = 1')
      await page.reload()
      await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
      expect(await editorText(page)).toBe('let kept = 1')
      // Run says why it cannot, in the lesson, instead of an empty run
      await page.getByRole('button', { name: '▶ Run' }).click()
      await expect
        .poll(() => page.locator('.banner.error').allTextContents())
        .toContainEqual(expect.stringContaining('Wirelab needs a service worker to simulate the server'))
    } finally {
      await lan.close()
    }
  })

  it('when the browser refuses the registration (a private window), says so with the reason', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await page.addInitScript(() => {
      ServiceWorkerContainer.prototype.register = () => Promise.reject(new DOMException('The user denied permission to use Service Worker.', 'SecurityError'))
    })
    await page.goto(host.url)
    const notice = page.getByTestId('no-service-worker')
    await notice.waitFor()
    expect(await notice.textContent()).toMatch(
      /The browser refused Wirelab's service worker \(The user denied permission to use Service Worker\.\), so Run cannot reach the simulated server and the course does not work offline\./,
    )
    expect(await page.getByTestId('offline-status').textContent()).toBe('')
    await context.close()
  })
})
