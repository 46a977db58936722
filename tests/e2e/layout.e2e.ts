// A layout that follows the learner, at a laptop's size (1440×900) and a phone's (390×844): each pane
// scrolls on its own and a lesson opens at its top; the run bar says how the checks went and leads to
// them; a phone gets one pane at a time with Run always in reach; the diagram, the timeline and the
// tabs are one Tab stop each (arrows inside); the offline fault shows while it lasts; long runs get a
// faster speed suggested, and the speed is remembered; stale error marks leave the editor.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { baseURL, launchChromium } from './support/browser.ts'
import { checkStates, diagramLabels, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const WIDE = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

/** a page of its own (fresh storage) at one window size; page errors are collected */
async function pageAt(viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return { page, errors }
}

/** the element's box lies wholly inside the window (give or take a focus ring's stroke) */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = locator.page().viewportSize()!
  const slack = 2
  return (
    box !== null && box.width > 0 && box.x >= -slack && box.y >= -slack && box.x + box.width <= size.width + slack && box.y + box.height <= size.height + slack
  )
}

/** the learner sees the element: the middle of its box is not covered by anything else (a pinned bar) */
async function uncovered(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && (el === hit || el.contains(hit))
  })
}

/** lesson 07 with its runs ended at 24 s (the test knob): ~100 messages, in less time than its full minute */
async function openLesson07(page: Page): Promise<void> {
  await page.goto(`${baseURL()}?wirelab-duration=24000#/lesson/07-choosing-the-right-tool`)
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's serious and critical findings (Monaco's own DOM left out, as in accessibility.e2e.ts) */
async function seriousViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol, not an inline script tag (a Content-Security-Policy may refuse those)
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe
    const { violations } = await axe.run({ exclude: [['.monaco-editor']] }, { resultTypes: ['violations'] })
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)
  })
}

const runButton = (page: Page) => page.getByRole('button', { name: '▶ Run' })
const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    return el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}` : ''
  })

describe('at 1440×900', () => {
  it('opens a lesson at its top from a scrolled home page, with the title and Run in view', async () => {
    const { page, errors } = await pageAt(WIDE)
    await page.goto(baseURL())
    await page.locator('.lesson-link').first().waitFor()
    await page.evaluate(() => window.scrollTo(0, 600))
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300)
    await page.locator('.lesson-link', { hasText: 'Choosing the right tool' }).click()
    await page.locator('article h1').waitFor()
    await runButton(page).waitFor()
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(WIDE.height)
    expect(await inViewport(page.locator('article h1'))).toBe(true)
    expect(await inViewport(runButton(page))).toBe(true)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('scrolls each pane on its own: the console comes into view with Run above it and the lesson text beside it', async () => {
    const { page } = await pageAt(WIDE)
    await openLesson07(page)
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    const work = page.locator('section.work')
    expect(await work.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await work.evaluate((el) => (el.scrollTop = el.scrollHeight))
    const consoleLine = page.locator('[data-testid=console-line]').first()
    await expect.poll(() => inViewport(page.getByRole('tab', { name: 'Console' }))).toBe(true)
    expect(await consoleLine.isVisible()).toBe(true)
    // the run bar stays at the top of the scrolled pane
    expect(await inViewport(runButton(page))).toBe(true)
    // the lesson pane still fills the window's height beside it: no blank area under it
    const text = (await page.locator('article.text').boundingBox())!
    expect(text.y + text.height).toBeCloseTo(WIDE.height, 0)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    await page.context().close()
  })

  it('sums the checks up in the run bar, and the summary leads to the checks', async () => {
    const { page } = await pageAt(WIDE)
    await openLesson07(page)
    expect(await page.getByTestId('check-summary').count()).toBe(0)
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    const states = await checkStates(page)
    const passed = states.filter((c) => c.state === 'pass').length
    expect(states).toHaveLength(3)
    const summary = page.getByTestId('check-summary')
    expect((await summary.textContent())!.replace(/\s+/g, ' ').trim()).toBe(passed === 3 ? '✓ All 3 checks pass' : `✗ ${passed} of 3 checks pass`)
    expect(await inViewport(summary)).toBe(true)
    // the checks sit below the lesson text, out of view, until the summary is used (by keyboard here)
    expect(await inViewport(page.locator('#checks h2'))).toBe(false)
    await summary.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('checks')
    await expect.poll(() => inViewport(page.locator('#checks h2'))).toBe(true)
    await page.context().close()
  })

  it('goes from the editor to the console in a few Tab presses; the diagram, the timeline and the tabs are one stop each', async () => {
    const { page } = await pageAt(WIDE)
    await openLesson07(page)
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    const messages = page.locator('svg[aria-label="Sequence diagram of the run"] .message')
    expect(await messages.count()).toBeGreaterThan(60)
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    expect(await describeFocus(page)).toBe('button ▶ Run')
    const path: string[] = []
    while (path.length < 40 && !(await describeFocus(page)).startsWith('button#tab-console')) {
      await page.keyboard.press('Tab')
      path.push(await describeFocus(page))
    }
    expect(path.at(-1)).toMatch(/^button#tab-console Console/)
    // Run → speed, Start paused, Reset, Show solution, the summary, the replay bar and export, one
    // message of the diagram, the timeline's zoom (and one tick when it has any), the Console tab
    expect(path.length).toBeLessThanOrEqual(16)
    expect(path.filter((p) => /^g \d+\.\d{3} s /.test(p))).toHaveLength(1) // one message of the diagram
    expect(path.filter((p) => p.startsWith('g ')).length).toBeLessThanOrEqual(2) // and at most one tick
    // arrows inside the diagram: ↑/↓ move between messages, Home/End to the ends
    const focusedSeq = () => page.evaluate(() => Number(document.activeElement?.getAttribute('data-seq')))
    const seqs = await messages.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-seq'))))
    for (let back = 0; back < 4 && !(await page.evaluate(() => document.activeElement?.classList.contains('message'))); back++) {
      await page.keyboard.press('Shift+Tab')
    }
    expect(await page.evaluate(() => document.activeElement?.classList.contains('message'))).toBe(true)
    expect(await focusedSeq()).toBe(seqs.at(-1))
    await page.keyboard.press('ArrowUp')
    expect(await focusedSeq()).toBe(seqs.at(-2))
    await page.keyboard.press('Home')
    await expect.poll(focusedSeq).toBe(seqs[0])
    await page.keyboard.press('ArrowDown')
    expect(await focusedSeq()).toBe(seqs[1])
    const second = page.locator(`svg[aria-label="Sequence diagram of the run"] .message[data-seq="${seqs[1]}"]`)
    expect(await inViewport(second)).toBe(true)
    expect(await uncovered(second)).toBe(true)
    // Enter opens it in the inspector; the message stays the diagram's one Tab stop
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true')
    expect(await messages.evaluateAll((els) => els.filter((el) => el.getAttribute('tabindex') === '0').length)).toBe(1)
    // the output tabs: ←/→ move and select, as tabs do
    await page.getByRole('tab', { name: 'Inspector' }).focus()
    await page.keyboard.press('ArrowRight') // wraps around to the first
    expect(await describeFocus(page)).toMatch(/^button#tab-console/)
    expect(await page.getByRole('tab', { name: 'Console' }).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowRight')
    expect(await describeFocus(page)).toBe('button#tab-output Output')
    await page.keyboard.press('End')
    expect(await describeFocus(page)).toBe('button#tab-inspector Inspector')
    await page.context().close()
  })

  it('moves along the timeline with the arrows: its ticks are one Tab stop', async () => {
    const { page } = await pageAt(WIDE)
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    const ticks = page.locator('svg[aria-label="Network timeline"] .tick')
    const labels = await ticks.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))
    expect(labels.length).toBeGreaterThan(3)
    expect(await ticks.evaluateAll((els) => els.filter((el) => el.getAttribute('tabindex') === '0').length)).toBe(1)
    await page.getByRole('button', { name: 'Zoom in' }).focus()
    await page.keyboard.press('Tab')
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    expect(await focused()).toBe(labels[0])
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe(labels[1])
    await page.keyboard.press('End')
    await expect.poll(focused).toBe(labels.at(-1))
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true')
    // the next Tab leaves the timeline
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tick'))).toBe(false)
    await page.context().close()
  })

  it('suggests a faster speed for a long run, and remembers the speed chosen', async () => {
    const { page } = await pageAt(WIDE)
    await openLesson(page, '07-choosing-the-right-tool')
    const hint = page.getByTestId('speed-hint')
    expect((await hint.textContent())!.replace(/\s+/g, ' ').trim()).toBe('At 1× this run takes 62 s. Use 4×')
    await hint.getByRole('button', { name: 'Use 4×' }).click()
    expect(await page.locator('.speed select').inputValue()).toBe('4')
    expect(await hint.count()).toBe(0)
    // a short lesson needs no hint; the speed is remembered across lessons and visits
    await openLesson(page, '03-sse-first-stream')
    expect(await page.locator('.speed select').inputValue()).toBe('4')
    await page.reload()
    await page.locator('.monaco-editor .view-lines').waitFor()
    expect(await page.locator('.speed select').inputValue()).toBe('4')
    expect(await hint.count()).toBe(0)
    // skip ahead too
    await setSpeed(page, Infinity)
    await page.reload()
    await page.locator('.monaco-editor .view-lines').waitFor()
    expect(await page.locator('.speed select').inputValue()).toBe('Infinity')
    await page.context().close()
  })

  it('shows the network offline beside the fault buttons until it is back, step by step', async () => {
    const { page } = await pageAt(WIDE)
    await openLesson(page, '01-short-polling')
    await replaceCode(
      page,
      "async function poll() {\n  try { await fetch('/api/messages?since=0'); } catch (e) { console.log('failed', e.message); }\n}\npoll();\nsetInterval(poll, 1000);",
    )
    await page.getByLabel('Start paused').check()
    await runButton(page).click()
    await expect.poll(() => diagramLabels(page)).toHaveLength(1) // the first request, at 0 s
    const notice = page.getByTestId('offline-notice')
    const step = page.getByRole('button', { name: 'Step ▸' })
    const now = async () => Number(/^Paused · ([\d.]+) s/.exec((await page.locator('.status').textContent()) ?? '')?.[1] ?? NaN)
    await page.getByRole('button', { name: '⚡ Offline 3 s' }).click()
    expect(await notice.count()).toBe(0) // it happens at the next step: time stands still while paused
    await step.click()
    await notice.waitFor()
    const fault = (await diagramLabels(page)).find((l) => l.includes('The network goes offline for 3 s'))!
    const start = Number(fault.split(' s:')[0])
    expect(await notice.textContent()).toBe(`⚠ The network is offline until ${(start + 3).toFixed(3)} s`)
    // next to the fault buttons
    const buttons = (await page.getByRole('group', { name: 'Break the network' }).boundingBox())!
    const shown = (await notice.boundingBox())!
    expect(shown.y).toBeGreaterThanOrEqual(buttons.y - 1)
    expect(shown.y + shown.height).toBeLessThanOrEqual(buttons.y + buttons.height + 1)
    let stepsWhileOffline = 0
    while ((await notice.count()) > 0 && stepsWhileOffline < 40) {
      const before = await now()
      expect(before).toBeLessThan(start + 3)
      await step.click()
      await expect.poll(now).toBeGreaterThan(before)
      stepsWhileOffline++
    }
    await expect.poll(() => notice.count()).toBe(0)
    expect(stepsWhileOffline).toBeGreaterThan(1)
    expect(await now()).toBeCloseTo(start + 3, 3)
    expect((await diagramLabels(page)).some((l) => l.startsWith(`${(start + 3).toFixed(3)} s: ⚡`) && l.includes('The network is back online'))).toBe(true)
    await page.getByRole('button', { name: '■ Stop' }).click()
    await page.context().close()
  })

  it('clears the error marks of the last run as soon as the code changes', async () => {
    const { page } = await pageAt(WIDE)
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    await replaceCode(page, "const es = new EventSource('/api/stream');\nes.onmessage = (e) => {\n  console.log(JSON.parse(e.data);\n};\n")
    await runToEnd(page)
    const marks = page.locator('.monaco-editor .squiggly-error')
    await marks.first().waitFor()
    await page.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.type('// fixed')
    await expect.poll(() => marks.count()).toBe(0)
    await page.context().close()
  })
})

describe('at 390×844 (a phone)', () => {
  async function openOnPhone(page: Page, slug: string) {
    await page.goto(`${baseURL()}#/lesson/${slug}`)
    await page.locator('article h1').waitFor()
    await page.locator('.monaco-editor').waitFor({ state: 'attached', timeout: 20_000 })
  }
  const viewTab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true })

  it('shows one pane at a time, chosen by tabs, with Run in view in every one', async () => {
    const { page, errors } = await pageAt(PHONE)
    await openOnPhone(page, '03-sse-first-stream')
    expect(await page.getByRole('tablist', { name: 'Show' }).isVisible()).toBe(true)
    expect(await viewTab(page, 'Lesson').getAttribute('aria-selected')).toBe('true')
    expect(await inViewport(page.locator('article h1'))).toBe(true)
    expect(await inViewport(runButton(page))).toBe(true)
    expect(await page.locator('.monaco-editor').isVisible()).toBe(false)
    // Run works from the lesson pane
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    expect(await inViewport(page.getByTestId('check-summary'))).toBe(true)
    // the code
    await viewTab(page, 'Code').click()
    await page.locator('.monaco-editor .view-lines').waitFor()
    expect(await inViewport(page.locator('.monaco-editor'))).toBe(true)
    expect(await page.locator('article.text').isVisible()).toBe(false)
    expect(await inViewport(runButton(page))).toBe(true)
    // what the run did, from the top of its pane
    await viewTab(page, 'Diagram & console').click()
    const diagram = page.getByRole('region', { name: 'Sequence diagram, scrollable' })
    await diagram.waitFor()
    expect(await inViewport(page.locator('svg.actors'))).toBe(true)
    expect(await inViewport(runButton(page))).toBe(true)
    // the run bar stays in view when that pane scrolls to the console
    await page.locator('section.work').evaluate((el) => (el.scrollTop = el.scrollHeight))
    await expect.poll(() => inViewport(page.locator('[data-testid=console-line]').last())).toBe(true)
    expect(await inViewport(runButton(page))).toBe(true)
    expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('draws the diagram inside the screen: actors whole, labels clear of the times', async () => {
    const { page } = await pageAt(PHONE)
    await openOnPhone(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    await viewTab(page, 'Diagram & console').click()
    const diagram = page.getByRole('region', { name: 'Sequence diagram, scrollable' })
    await diagram.waitFor()
    // no sideways scrolling, and both actor names inside the screen
    expect(await diagram.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    for (const name of ['Client (your code)', 'Server (simulated)']) {
      expect(await inViewport(page.locator('svg.actors rect').nth(name.startsWith('Client') ? 0 : 1))).toBe(true)
      expect(await inViewport(page.locator('svg.actors text', { hasText: name }))).toBe(true)
    }
    // each message's text starts right of its time and ends inside the diagram
    const overlaps = await page.locator('svg[aria-label="Sequence diagram of the run"] .message').evaluateAll((groups) => {
      const problems: string[] = []
      for (const g of groups) {
        const time = g.querySelector('text.time')!.getBoundingClientRect()
        const svg = g.closest('svg')!.getBoundingClientRect()
        for (const t of g.querySelectorAll('text:not(.time)')) {
          const r = t.getBoundingClientRect()
          if (r.left < time.right + 2 || r.right > svg.right) problems.push(`${t.textContent}: ${Math.round(r.left)}–${Math.round(r.right)}`)
        }
      }
      return problems
    })
    expect(overlaps).toEqual([])
    await page.context().close()
  })

  it('leads from the check summary to the checks, and the view tabs move with the arrows', async () => {
    const { page } = await pageAt(PHONE)
    await openOnPhone(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    await viewTab(page, 'Code').click()
    expect(await runToEnd(page)).toBe('finished')
    await page.getByTestId('check-summary').click()
    expect(await viewTab(page, 'Lesson').getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('checks')
    await expect.poll(() => inViewport(page.locator('[data-testid=check]').first())).toBe(true)
    await viewTab(page, 'Lesson').focus()
    await page.keyboard.press('ArrowRight')
    expect(await describeFocus(page)).toBe('button#view-code Code')
    expect(await viewTab(page, 'Code').getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    expect(await describeFocus(page)).toBe('button#view-results Diagram & console')
    // one Tab stop: the next Tab leaves the tabs
    await page.keyboard.press('Tab')
    expect(await describeFocus(page)).not.toMatch(/^button#view-/)
    await page.context().close()
  })

  it('has no serious or critical accessibility violation in any of its views', async () => {
    const { page } = await pageAt(PHONE)
    await openOnPhone(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    for (const name of ['Lesson', 'Code', 'Diagram & console']) {
      await viewTab(page, name).click()
      expect(await seriousViolations(page), name).toEqual([])
    }
    await page.context().close()
  })
})
