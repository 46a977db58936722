// An axe-core scan of the home page and of a lesson page before and after a run (with the replay
// controls, the inspector and the event list open) finds no serious or critical violation.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { baseURL, usePage } from './support/browser.ts'
import { openLesson, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage()
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

async function seriousViolations(page: Page): Promise<string[]> {
  // evaluated through the DevTools protocol: the page's Content-Security-Policy rightly refuses an inline script tag
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> }
      }
    ).axe
    // Monaco's own DOM is not ours to fix; it is tested by its authors
    const result = await axe.run({ exclude: [['.monaco-editor']] }, { resultTypes: ['violations'] })
    return result.violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    )
}

describe('accessibility', () => {
  it('the home page has no serious or critical violation', async () => {
    await session.page.goto(`${baseURL()}#/`)
    await session.page.locator('.lesson-link').first().waitFor()
    expect(await seriousViolations(session.page)).toEqual([])
  })

  it('a lesson page has none, before and after a run, with the inspector and the event list open', async () => {
    const { page } = session
    await openLesson(page, '06-scaling-websockets')
    expect(await seriousViolations(page)).toEqual([])
    await setSpeed(page, Infinity)
    expect(await runToEnd(page)).toBe('finished')
    await page.getByRole('tab', { name: 'Events' }).click()
    await page.getByTestId('event-row').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('event-row').nth(1).click()
    await page.getByTestId('wire-text').waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })
})
