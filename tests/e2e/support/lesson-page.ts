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

export async function setSpeed(page: Page, speed: number): Promise<void> {
  await page.locator('.speed select').selectOption(String(speed))
}

/** wait until the run is over (finished, stopped, hung …); returns the final status */
export async function waitForRunEnd(page: Page): Promise<string> {
  await page.waitForFunction(
    () => {
      const s = document.querySelector('.status')?.getAttribute('data-status')
      return s && !['idle', 'starting', 'running'].includes(s)
    },
    undefined,
    { timeout: 30_000 },
  )
  return (await page.locator('.status').getAttribute('data-status')) ?? ''
}

/** press Run and wait until the run is over; returns the final status */
export async function runToEnd(page: Page): Promise<string> {
  await page.getByRole('button', { name: '▶ Run' }).click()
  return waitForRunEnd(page)
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
