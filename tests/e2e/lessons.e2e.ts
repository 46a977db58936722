// Every lesson is a test fixture: in Chromium, its diagrams draw, its starter fails at least one check and
// its solution passes them all (the judgement `npm run lessons:check -- --run` prints as one line); each
// of its cheats (cheats/*: the expected output without the work) fails the checks its header names, with a
// message that names the real problem and does not give the expected lines away.
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/lib/lesson/load-lessons.ts'
import { lessonProblems } from '../../src/lib/lesson/run-verdict.ts'
import { baseURL, usePage } from './support/browser.ts'
import { checkStates, openLesson, replaceCode, replaceServerCode, runToEnd, setSpeed } from './support/lesson-page.ts'
import { runLessonInPage } from './support/lesson-run.ts'

const { lessons } = loadLessons(resolve(process.env.LESSONS_DIR ?? 'lessons'))
const session = usePage()

/** what the learner's code logged, each line's values as the console shows them (no time, no client) */
async function loggedText(page: Page): Promise<string[]> {
  return page.locator('[data-testid=console-line] .values').evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim()))
}

/** the lesson's broker checkbox, when it has one, set for the next run */
async function setBroker(page: Page, on: boolean): Promise<void> {
  const box = page.getByLabel('Broker between servers')
  if ((await box.count()) === 0) return
  if (on) await box.check()
  else await box.uncheck()
}

describe.each(lessons.map((l) => [l.slug, l] as const))('lesson %s', (slug, lesson) => {
  /** the lines the solution logs: what a failure message must not hand to a learner */
  let expectedLines: string[] = []

  it('draws its diagrams; its starter fails at least one check and its solution passes every check', async () => {
    const report = await runLessonInPage(session.page, baseURL(), lesson)
    expect(lessonProblems(report)).toEqual([])
    // the solution ran last; short lines ("200", "ok") could appear in any sentence
    expectedLines = (await loggedText(session.page)).filter((line) => line.length >= 6)
  }, 600_000)

  it.each(lesson.cheats.map((c) => [c.name, c] as const))('its cheat %s fails the checks it names', async (_, cheat) => {
    const { page } = session
    // each test opens its lesson (main's independent tests): a cheat does not rely on the page as left
    await openLesson(page, slug)
    await setSpeed(page, Infinity)
    if (cheat.brokerOff) await setBroker(page, false)
    try {
      // a cheat is client code run with the server's solution, or server code run with the client's
      if (lesson.serverCode) await replaceServerCode(page, cheat.serverCode ? cheat.code : lesson.serverCode.solution)
      await replaceCode(page, cheat.serverCode ? lesson.solution : cheat.code)
      expect(await runToEnd(page)).toBe('finished')
    } finally {
      if (cheat.brokerOff) await setBroker(page, true)
    }
    const states = await checkStates(page)
    for (const fails of cheat.fails) {
      const state = states.find((s) => s.id === fails.check)
      expect({ check: fails.check, state: state?.state }, `${cheat.file}:${fails.line}`).toEqual({ check: fails.check, state: 'fail' })
      expect(state!.message, `${cheat.file}:${fails.line}`).toMatch(new RegExp(fails.pattern, fails.flags))
    }
    // a failure message says what is missing and where to look; it never hands out the expected lines
    for (const state of states.filter((s) => s.state === 'fail'))
      for (const line of expectedLines) expect(state.message.toLowerCase(), `${state.id} quotes an expected line`).not.toContain(line.toLowerCase())
  })
})
