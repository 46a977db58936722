// Launches the machine's Chromium (never a downloaded one) with the flags this workplace needs.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeEach, inject } from 'vitest'

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

/**
 * How long a single Playwright action (a click, a locator's wait) may take before it fails. Generous:
 * on a busy machine the first load of a lesson alone can take seconds, and this only bounds a failure.
 */
export const ACTION_TIMEOUT_MS = 60_000

/**
 * Known app bugs, reported, not fixed by the tests: when a lesson page is left for another in the same
 * tab, Monaco throws page errors. Once its TypeScript service has loaded, every later editor throws
 * "depends on UNKNOWN service ICodeLensCache / treeViewsDndService" while it is made; and a request of
 * the service still pending for the old editor can fail with "Model is disposed!". Tests about other
 * things share one tab for speed, so they leave these out; editor.e2e.ts has the test that shows the
 * first bug (when it fails because the bug is fixed, drop it from here).
 */
export const KNOWN_MONACO_ERROR = /^\[createInstance\] \w+ depends on UNKNOWN service (ICodeLensCache|treeViewsDndService)\./
export const KNOWN_MONACO_DISPOSED = /^Model is disposed!/

const freshContexts = new Set<BrowserContext>()

/**
 * A page in a fresh context (fresh storage, no service worker yet); page errors fail the test that
 * reads them. On the run's shared browser, close it when done (`closeFreshPages`).
 */
export async function freshPage(browser: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' })
  freshContexts.add(context)
  context.on('close', () => freshContexts.delete(context))
  context.setDefaultTimeout(ACTION_TIMEOUT_MS)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const page = await context.newPage()
  const pageErrors: string[] = []
  // the runner's own warnings (a crossing given up after 2 s of real time, …) explain odd results
  page.on('console', (message) => {
    if (message.text().startsWith('[wirelab]')) console.warn(`page ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => {
    // the message first (what tests compare), then where it came from (what a failure needs)
    const where = (error.stack ?? '')
      .split('\n')
      .filter((line) => line.trim().startsWith('at '))
      .slice(0, 4)
      .join('\n')
    if (!KNOWN_MONACO_ERROR.test(error.message) && !KNOWN_MONACO_DISPOSED.test(error.message)) pageErrors.push(`${error.message}\n${where}`.trim())
  })
  return { page, pageErrors }
}

/**
 * Brings a page that an earlier test used back to a first visit of the home page, without loading the
 * site again: a run still going is stopped, open dialogs are closed, routes are removed, and storage
 * (saved code, the editor's text size) is cleared. The lesson page, its session and its editor are
 * made anew when the test opens a lesson. Much cheaper than a new context, which loads and compiles
 * Monaco again (~0.4 s against ~2-4 s here).
 */
export async function resetPage(page: Page): Promise<void> {
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  await page.context().unrouteAll({ behavior: 'ignoreErrors' })
  if (page.url().startsWith(baseURL())) {
    await page.evaluate(async () => {
      for (const dialog of document.querySelectorAll('dialog[open]')) (dialog as HTMLDialogElement).close()
      const stop = [...document.querySelectorAll('button')].find((b) => b.textContent === '■ Stop')
      if (stop && !stop.disabled) stop.click()
      // the page saves typing once it pauses (300 ms): save it now, so that nothing is written after
      // the storage is cleared below
      dispatchEvent(new Event('beforeunload'))
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
  }
  await page.goto(`${baseURL()}#/`)
  await page.locator('.lesson-link').first().waitFor()
  await page.evaluate(() => {
    localStorage.clear()
    sessionStorage.clear()
  })
}

/**
 * One Chromium for the whole run: the test files run one after the other in one process (isolate:
 * false in vitest.e2e.config.ts), so this launches once; Playwright stops it when the process exits.
 * `document` is the shared page's document (its time origin) as of the last reset.
 */
type Session = { browser: Browser; page: Page; pageErrors: string[]; document?: number }
let shared: Promise<Session> | undefined

async function sharedSession(): Promise<Session> {
  const current = await shared
  if (current && current.browser.isConnected() && !current.page.isClosed()) return current
  // first use, or the browser or page was lost (a crash): start again
  shared = (async () => {
    const browser = current?.browser.isConnected() ? current.browser : await launchChromium()
    return { browser, ...(await freshPage(browser)) }
  })()
  return shared
}

/**
 * The shared page, made anew when the last test loaded a new document in it (a reload, an address
 * with a query). KNOWN BUG (reported): when a page of the site that started msw unloads, msw's
 * service worker unregisters itself if it sees no other page, racing with the page that replaces it;
 * a little later a new worker takes over that page and no longer simulates its requests ("gave up
 * waiting for c1/request"). A fresh context has no such worker to race with.
 */
async function sessionForNextTest(): Promise<Session> {
  const session = await sharedSession()
  const document = await session.page.evaluate(() => performance.timeOrigin).catch(() => undefined)
  if (session.document === undefined || document === session.document) return session
  await session.page.context().close()
  shared = (async () => ({ browser: session.browser, ...(await freshPage(session.browser)) }))()
  return shared
}

/** the run's one Chromium, for tests that make their own pages with `freshPage` */
export async function sharedBrowser(): Promise<Browser> {
  return (await sharedSession()).browser
}

/** close the contexts `freshPage` made, but the shared page's */
export async function closeFreshPages(): Promise<void> {
  const keep = (await shared)?.page.context()
  await Promise.all([...freshContexts].filter((c) => c !== keep).map((c) => c.close()))
}

/**
 * One page for the whole run, shared by every file that calls this: before every test the page is
 * reset (`resetPage`) and `setup` runs, so no test depends on what an earlier one (of this file or
 * another) did, and Monaco is loaded once, not once per file. Read `.page` inside tests; `.pageErrors`
 * holds the current test's page errors.
 */
export function usePage(setup: (page: Page) => Promise<void> = async () => {}): {
  readonly page: Page
  readonly pageErrors: string[]
  readonly browser: Browser
} {
  let opened: Session | undefined
  // pages a test file opened with freshPage on the shared browser go with the file
  afterAll(closeFreshPages)
  beforeEach(async () => {
    opened = await sessionForNextTest()
    opened.pageErrors.length = 0
    await resetPage(opened.page)
    opened.document = await opened.page.evaluate(() => performance.timeOrigin)
    // KNOWN BUG (reported): leaving a lesson page can throw from Monaco's teardown (an editor disposed
    // while it is detaching its model). That belongs to the page the last test left, not to this test
    const leaving = opened.pageErrors.splice(0)
    if (leaving.length) console.warn(`page errors while the last test's page was left:\n${leaving.join('\n')}`)
    await setup(opened.page)
  })
  return {
    get page() {
      return opened!.page
    },
    get pageErrors() {
      return opened!.pageErrors
    },
    get browser() {
      return opened!.browser
    },
  }
}
