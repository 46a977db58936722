// What a learner does on a lesson page, as small steps the tests read like a story.
import type { Page } from 'playwright-core'
import { baseURL } from './browser.ts'

export async function openLesson(page: Page, slug: string): Promise<void> {
  await page.goto(`${baseURL()}#/lesson/${slug}`)
  // a cold start of Monaco takes 15–22 s on this shared 2-core machine under load (measured, main and this branch alike)
  await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 })
}

/** the editor's text as the learner sees it */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.monaco-editor .view-line').evaluateAll((els) =>
    els
      .map((el) => ({ top: parseFloat((el as HTMLElement).style.top), text: el.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  )
  return lines.join('\n').replace(/\u00a0/g, ' ')
}

/** replace all code in the editor by select-all and paste, as a learner would, then go back to the top */
export async function replaceCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => navigator.clipboard.writeText(text), code)
  await page.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
  await page.keyboard.press('ControlOrMeta+Home')
  // the editor renders only the lines in view: those must be the first lines of the new code
  await page.waitForFunction((text) => {
    const expected = text.split('\n')
    const lines = ([...document.querySelectorAll('.monaco-editor .view-line')] as HTMLElement[])
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
    const shown = lines.slice(0, Math.min(lines.length, expected.length))
    return shown.length > 0 && shown.every((line, i) => line === expected[i])
  }, code)
}

/** put `code` in the server tab (a lesson whose server the learner edits), then show the client code again */
export async function replaceServerCode(page: Page, code: string): Promise<void> {
  await page.locator('#file-server').click()
  await page.waitForFunction(() => document.querySelector('#file-server')?.getAttribute('aria-selected') === 'true')
  await replaceCode(page, code)
  await page.locator('#file-code').click()
  await page.waitForFunction(() => document.querySelector('#file-code')?.getAttribute('aria-selected') === 'true')
}

export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.locator('.speed select').selectOption(String(speed))
}

/** tick or untick "Start paused" (a run then waits at 0 s for Step) */
export async function setStartPaused(page: Page, paused: boolean): Promise<void> {
  await page.getByLabel('Start paused').setChecked(paused)
}

/**
 * Wait until the run is over (finished, stopped, hung …); returns the final status.
 *
 * There is no fixed time limit: a run takes as long as the machine needs (a busy machine paints fewer
 * frames, which slows a live run, and skipping ahead goes as fast as the CPU allows). It fails only when
 * the run stops moving: the status line, which shows the simulated time, unchanged for `stallMs` of
 * real time (a run that never starts, a paused run nobody steps, a frozen page).
 */
export async function waitForRunEnd(page: Page, { stallMs = 30_000 }: { stallMs?: number } = {}): Promise<string> {
  await page.waitForFunction(
    ({ stallMs, id }) => {
      const status = document.querySelector('.status')
      const state = status?.getAttribute('data-status')
      if (state && !['idle', 'starting', 'running'].includes(state)) return true
      const seen = ((window as unknown as { __runWatch?: Record<string, { text: string; since: number }> }).__runWatch ??= {})
      const text = `${state}: ${status?.textContent ?? 'no status line'}`
      const now = performance.now()
      if (seen[id]?.text !== text) seen[id] = { text, since: now }
      else if (now - seen[id].since > stallMs) throw new Error(`The run made no progress for ${stallMs / 1000} s (${text})`)
      return false
    },
    { stallMs, id: `${Date.now()}-${Math.random()}` },
    { timeout: 0, polling: 100 },
  )
  return (await page.locator('.status').getAttribute('data-status')) ?? ''
}

/** press Run and wait until the run is over; returns the final status */
export async function runToEnd(page: Page): Promise<string> {
  await page.getByRole('button', { name: '▶ Run' }).click()
  return waitForRunEnd(page)
}

/** with "Start paused" ticked: press Run and wait until the run waits at 0 s for the first step */
export async function runPaused(page: Page): Promise<void> {
  await setStartPaused(page, true)
  await page.getByRole('button', { name: '▶ Run' }).click()
  await page.waitForFunction(() => document.querySelector('.status')?.textContent?.startsWith('Paused · '))
}

/** what a step can change: the status line (simulated time), the diagram and the console */
function progressMark(): string {
  // no named inner functions: the test runner's transform could wrap them in helpers the page lacks
  const status = document.querySelector('.status')
  return [
    status?.getAttribute('data-status'),
    status?.textContent,
    document.querySelectorAll('svg[aria-label="Sequence diagram of the run"] .message').length,
    document.querySelectorAll('[data-testid=console-line], [data-testid=console-error], [data-testid=console-hint]').length,
  ].join('|')
}

/**
 * Press Step once and wait until it has taken effect and the page shows all of it: something changed
 * (the simulated time, the diagram or the console, or the run ended), then nothing more for three
 * animation frames (the views catch up with a run once per frame, after the status line). Returns
 * false when the run was not waiting for a step, or when nothing visible changed within `quietMs` (a
 * step that only ran something invisible at the same instant); the next step goes on from there
 * either way. The button is pressed inside the page, in the same task that checks it is enabled: the
 * run may end between a check from here and a click.
 */
export async function stepOnce(page: Page, { quietMs = 3000 }: { quietMs?: number } = {}): Promise<boolean> {
  const mark = `(${progressMark.toString()})()`
  const before = await page.evaluate<string | null>(
    `(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Step ▸')
      if (!button || button.disabled) return null
      const before = ${mark}
      button.click()
      return before
    })()`,
  )
  if (before === null) return false
  const changed = await page
    .waitForFunction(`${mark} !== ${JSON.stringify(before)}`, undefined, { timeout: quietMs, polling: 50 })
    .then(() => true)
    .catch(() => false)
  await page.evaluate(
    `new Promise((resolve) => {
      let last = ${mark}
      let still = 0
      const frame = () => {
        const now = ${mark}
        if (now !== last) (last = now), (still = 0)
        else if (++still >= 3) return resolve()
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })`,
  )
  return changed
}

/**
 * Step a paused run until `done()` holds (it is checked before every step), e.g. until a console line
 * shows: then the page is paused at a known simulated instant, where a fault can be pressed.
 */
export async function stepUntil(page: Page, done: () => Promise<boolean>, { maxSteps = 500 }: { maxSteps?: number } = {}): Promise<void> {
  for (let i = 0; i < maxSteps; i++) {
    if (await done()) return
    if ((await page.locator('.status').getAttribute('data-status')) !== 'running') throw new Error('The run ended before the condition held')
    await stepOnce(page)
  }
  throw new Error(`The condition did not hold after ${maxSteps} steps`)
}

/** the simulated time the status line shows, in ms ("Paused · 1.100 s of 9.000 s" → 1100) */
export async function shownSimTime(page: Page): Promise<number> {
  const text = (await page.locator('.status').textContent()) ?? ''
  const match = /(\d+\.\d{3}) s/.exec(text)
  if (!match) throw new Error(`No simulated time in the status line "${text}"`)
  return Math.round(Number(match[1]) * 1000)
}

/** let the page paint `count` frames: real time passes, counted in the page's own frames, not in ms */
export async function animationFrames(page: Page, count: number): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick))
        requestAnimationFrame(tick)
      }),
    count,
  )
}

/** wait until a line of the learner's console output contains `text` */
export async function waitForConsoleText(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid=console-line]')].some((l) => l.textContent?.includes(t)), text)
}

export async function consoleLines(page: Page): Promise<string[]> {
  return page.locator('[data-testid=console-line]').evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim()))
}

export async function checkStates(page: Page): Promise<Array<{ id: string; state: string; message: string }>> {
  return page.locator('[data-testid=check]').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-check') ?? '',
      state: el.getAttribute('data-state') ?? '',
      message: el.querySelector('.message')?.textContent ?? '',
    })),
  )
}

export async function diagramLabels(page: Page): Promise<string[]> {
  // "0.050 s: 200 OK …, from server to client" (the accessible name is the same without the colon)
  return page.locator('svg[aria-label="Sequence diagram of the run"] .message').evaluateAll((els) => els.map((el) => el.getAttribute('data-label') ?? ''))
}
