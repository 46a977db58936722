// Solving a lesson as a learner does: the solution's code run to its end with every check passing, and
// every question answered right (the right options are read from the lesson's own file).
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { checkStates, replaceCode, runToEnd, setSpeed } from './lesson-page.ts'

interface Question {
  id: string
  choice: 'single' | 'multiple'
  options: Array<{ correct: boolean }>
}

export const solutionOf = (slug: string): string => {
  const ts = `lessons/${slug}/solution.ts`
  try {
    return readFileSync(ts, 'utf8')
  } catch {
    return readFileSync(`lessons/${slug}/solution.js`, 'utf8')
  }
}

export function questionsOf(slug: string): Question[] {
  const text = readFileSync(`lessons/${slug}/lesson.md`, 'utf8')
  const front = /^---\n([\s\S]*?)\n---/.exec(text)![1]!
  return (parse(front) as { questions?: Question[] }).questions ?? []
}

/** the code editor, or the plain text box that stands in for it when Monaco is kept from loading (quicker to drive) */
export async function enterCode(page: Page, code: string): Promise<void> {
  if (await page.locator('.fallback-note').count()) await page.getByRole('textbox', { name: 'Your code' }).fill(code)
  else await replaceCode(page, code)
}

/** the solution, run skipping ahead; every check must pass */
export async function runSolution(page: Page, slug: string): Promise<void> {
  await setSpeed(page, Infinity)
  await enterCode(page, solutionOf(slug))
  expect(await runToEnd(page)).toBe('finished')
  const checks = await checkStates(page)
  expect(checks.length).toBeGreaterThan(0)
  expect(checks.filter((c) => c.state !== 'pass')).toEqual([])
}

/** every question of the lesson answered right, with "Check answer" */
export async function answerAllRight(page: Page, slug: string): Promise<void> {
  for (const q of questionsOf(slug)) {
    const box = page.locator(`[data-testid=question][data-question="${q.id}"]`)
    const inputs = box.getByRole(q.choice === 'single' ? 'radio' : 'checkbox')
    for (const [i, option] of q.options.entries()) if (option.correct) await inputs.nth(i).check()
    await box.getByRole('button', { name: 'Check answer' }).click()
    await expect.poll(() => box.getAttribute('data-state')).toBe('right')
  }
}
