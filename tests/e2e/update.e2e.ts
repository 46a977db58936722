// A new build deployed while a learner has the course open: a tab finds it and offers a reload (never
// forced, and not while a run is going on in any tab); the old tab keeps working — its lazy chunks,
// which the new build no longer has, still load, and its runs still reach the simulated server — and the
// learner's code and progress survive the update.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './support/browser.ts'
import { consoleLines, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'
import { startStaticHost, type StaticHost } from './support/static-host.ts'
import { writeServiceWorker } from '../../src/build/service-worker-plugin.ts'

let browser: Browser
let host: StaticHost
let v2: string

/**
 * A second build made from the first, as a real rebuild would differ: a lazy chunk (the confirmation
 * dialog, loaded when the learner presses Reset) has a new name, index.html is new, and sw.js lists
 * the new files under a new version (written by the same code as the build's).
 */
function secondBuild(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wirelab-v2-'))
  cpSync(from, dir, { recursive: true })
  const assets = join(dir, 'assets')
  const renames = readdirSync(assets)
    .filter((f) => /^ConfirmDialog-[\w-]+\.(js|css)$/.test(f))
    .map((f) => [f, f.replace(/-[\w-]+\./, '-v2build.')] as const)
  expect(renames.length).toBeGreaterThan(0)
  for (const [before, after] of renames) renameSync(join(assets, before), join(assets, after))
  for (const file of [...readdirSync(assets).map((f) => join(assets, f)), join(dir, 'index.html')]) {
    if (!/\.(js|css|html)$/.test(file)) continue
    const text = readFileSync(file, 'utf8')
    const next = renames.reduce((t, [before, after]) => t.split(before).join(after), text)
    if (next !== text) writeFileSync(file, next)
  }
  const index = join(dir, 'index.html')
  writeFileSync(index, readFileSync(index, 'utf8').replace('<title>Wirelab</title>', '<title>Wirelab</title><meta name="wirelab-test-build" content="2" />'))
  writeServiceWorker(dir)
  return dir
}

beforeAll(async () => {
  v2 = secondBuild(resolve('dist'))
  host = await startStaticHost(resolve('dist'))
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await host?.stop()
  if (v2) rmSync(v2, { recursive: true, force: true })
})

const AFTER = "const es = new EventSource('/api/stream');\nes.onmessage = (e) => console.log('got', e.lastEventId);"

const buildOf = (page: Page) => page.evaluate(() => document.querySelector('meta[name=wirelab-test-build]')?.getAttribute('content') ?? '1')

// a first visit keeps the whole course (~17 MB) before the update arrives: minutes on a loaded machine
describe('a new build while the course is open', { timeout: 180_000 }, () => {
  it('is offered, waits for the run in progress, reloads only the tab that asked; the old tab keeps working and nothing is lost', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce' })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    const old = await context.newPage()
    await old.goto(host.url)
    await old.locator('[data-testid=offline-status][data-ready=true]').waitFor({ timeout: 120_000 })
    await old.getByRole('link', { name: 'Server-Sent Events: your first stream' }).click()
    await old.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
    await setSpeed(old, Infinity)
    await replaceCode(old, "console.log('before the update')")
    expect(await runToEnd(old)).toBe('finished')

    // the new build goes up; a tab opened now is still the old build, and finds the new one
    host.serve(v2)
    const asker = await context.newPage()
    await asker.goto(host.url)
    const offer = asker.getByTestId('update')
    // the new worker installs only once it has kept every file of the new build (copied or fetched)
    await offer.getByRole('button', { name: 'Reload to update' }).waitFor({ timeout: 90_000 })
    expect(await buildOf(asker)).toBe('1')
    expect(await offer.locator('p').textContent()).toBe('A new version of this course is ready. Your code and progress are kept.')

    // a run in progress in the old tab: the update waits for it
    await old.getByLabel('Start paused').check()
    await old.getByRole('button', { name: '▶ Run' }).click()
    await old.getByRole('button', { name: '▶▶ Resume' }).waitFor()
    await offer.getByRole('button', { name: 'Reload to update' }).click()
    await expect.poll(() => offer.locator('p').textContent()).toBe('The update starts when the run in progress ends (in this tab or another one).')
    expect(await buildOf(asker)).toBe('1')
    await old.getByRole('button', { name: '■ Stop' }).click()

    // the tab that asked reloads into the new build; the old tab is told, not reloaded
    await expect.poll(() => buildOf(asker), { timeout: 30_000 }).toBe('2')
    const told = old.getByTestId('update')
    await told.waitFor()
    expect(await told.locator('p').textContent()).toBe('This course was updated in another tab. This tab still works; reload it to use the new version.')
    expect(await buildOf(old)).toBe('1')

    // the old tab's lazy chunk is gone from the host, and still loads
    await old.getByRole('button', { name: 'Reset' }).click()
    await old.locator('dialog[open]').getByRole('button', { name: 'Cancel' }).click()
    expect(host.requests.filter((r) => r.endsWith(' 404'))).toEqual([])
    // and its runs still reach the simulated server, through the new service worker
    await old.getByLabel('Start paused').uncheck()
    await replaceCode(old, AFTER)
    expect(await runToEnd(old)).toBe('finished')
    expect(await consoleLines(old)).toEqual(['1.050 s got 1', '2.050 s got 2', '3.050 s got 3', '4.050 s got 4', '5.050 s got 5'])

    // the learner's code made it across
    await asker.goto(`${host.url}#/lesson/03-sse-first-stream`)
    await asker.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
    expect(await asker.evaluate(() => localStorage.getItem('wirelab:code:03-sse-first-stream'))).toBe(AFTER)
    await context.close()
  })
})
