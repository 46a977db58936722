// A learner answers a lesson's questions with the keyboard only: a wrong answer shows why it is wrong,
// a right one says so, and the checks panel counts the questions with the checks.
import { describe, expect, it } from 'vitest'
import { usePage } from './support/browser.ts'
import { openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'
import { readFileSync } from 'node:fs'

const SLUG = '01-short-polling'
const session = usePage()

const question = (id: string) => session.page.locator(`[data-testid=question][data-question="${id}"]`)
const resultRow = (id: string) => session.page.locator(`[data-testid=question-result][data-question="${id}"]`)

/** choose the options at `indices` of a question and check the answer; resolves when it is graded `state` */
async function answer(id: string, indices: number[], state: 'right' | 'wrong') {
  const options = question(id).locator('input[type=radio], input[type=checkbox]')
  for (const i of indices) await options.nth(i).check()
  await question(id).getByRole('button', { name: 'Check answer' }).click()
  await expect.poll(() => question(id).getAttribute('data-state')).toBe(state)
}

describe('questions after the lesson text', () => {
  it('grades a single-choice answer, with the explanation of the option chosen', async () => {
    const { page } = session
    await openLesson(page, SLUG)
    const delay = question('short-polling-delay')
    expect(await delay.locator('legend').textContent()).toContain('You poll every 10 s.')
    await expect.poll(() => resultRow('short-polling-delay').getAttribute('data-state')).toBe('pending')
    // keyboard only: focus the first option, choose it with Space, Tab to the button, Enter
    await delay.getByRole('radio').first().focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check answer')
    await page.keyboard.press('Enter')
    await expect.poll(() => delay.getAttribute('data-state')).toBe('wrong')
    await expect.poll(() => delay.getByTestId('verdict').textContent()).toContain('Not quite')
    expect(await delay.getByTestId('explanation').allInnerTexts()).toEqual([
      expect.stringContaining('Not with short polling: the server can only answer a request, and none is waiting.'),
    ])
    await expect.poll(() => resultRow('short-polling-delay').getAttribute('data-state')).toBe('fail')
    // arrow keys move the choice within the radio group; a new choice clears the old grade
    await delay.getByRole('radio').first().focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => delay.getAttribute('data-state')).toBe('open')
    await delay.getByRole('button', { name: 'Check answer' }).press('Enter')
    await expect.poll(() => delay.getAttribute('data-state')).toBe('right')
    expect(await delay.getByTestId('explanation').allInnerTexts()).toEqual([expect.stringContaining('Right: it waits for the next poll.')])
    await expect.poll(() => resultRow('short-polling-delay').getAttribute('data-state')).toBe('pass')
  })

  it('grades a multiple-choice answer: right only with every true option and no other', async () => {
    const { page } = session
    await openLesson(page, SLUG)
    await answer('short-polling-delay', [1], 'right')
    const tradeOffs = question('short-polling-trade-offs')
    await tradeOffs.getByRole('button', { name: 'Check answer' }).click()
    await expect.poll(() => tradeOffs.getByTestId('verdict').textContent()).toBe('Choose an answer first.')
    const boxes = tradeOffs.getByRole('checkbox')
    for (const i of [0, 1, 2]) await boxes.nth(i).check()
    await tradeOffs.getByRole('button', { name: 'Check answer' }).click()
    await expect.poll(() => tradeOffs.getByTestId('verdict').textContent()).toBe('Not quite: 1 of your choices is not true, and 1 true option is missing.')
    expect(await tradeOffs.getByTestId('explanation').count()).toBe(3)
    await boxes.nth(2).uncheck()
    await boxes.nth(3).check()
    await tradeOffs.getByRole('button', { name: 'Check answer' }).click()
    await expect.poll(() => tradeOffs.getByTestId('verdict').textContent()).toBe('Right: all 3 are true.')
    expect(await page.getByTestId('completion').textContent()).toMatch(/0 of 3 checks passed, 2 of 2 questions answered right\.$/)
  })

  it('counts the questions with the checks: the lesson is complete when both are done', async () => {
    const { page } = session
    await openLesson(page, SLUG)
    await answer('short-polling-delay', [1], 'right')
    await answer('short-polling-trade-offs', [0, 1, 3], 'right')
    await setSpeed(page, Infinity)
    await replaceCode(page, readFileSync(`lessons/${SLUG}/solution.js`, 'utf8'))
    expect(await runToEnd(page)).toBe('finished')
    const completion = page.getByTestId('completion')
    expect((await completion.textContent())?.trim()).toBe('3 of 3 checks passed, 2 of 2 questions answered right: lesson complete.')
    expect(await completion.getAttribute('data-complete')).toBe('true')
    expect(session.pageErrors).toEqual([])
  })
})
