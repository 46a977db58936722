// Every lesson is a test fixture: in Chromium, its starter fails at least one check and its
// solution passes them all.
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { loadLessons } from '../../src/lib/lesson/load-lessons.ts'
import { freshPage, launchChromium } from './support/browser.ts'
import { checkStates, openLesson, replaceCode, runToEnd, setSpeed } from './support/lesson-page.ts'

const { lessons } = loadLessons(resolve('lessons'))
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  ;({ page } = await freshPage(browser))
})
afterAll(async () => {
  await browser?.close()
})

describe.each(lessons.map((l) => [l.slug, l] as const))('lesson %s', (slug, lesson) => {
  it('its starter fails at least one check', async () => {
    await openLesson(page, slug)
    await setSpeed(page, 4)
    await replaceCode(page, lesson.starter)
    expect(await runToEnd(page)).toBe('finished')
    const states = await checkStates(page)
    expect(states.length).toBeGreaterThan(0)
    expect(states.some((s) => s.state === 'fail')).toBe(true)
  })

  it('its solution passes every check', async () => {
    await replaceCode(page, lesson.solution)
    expect(await runToEnd(page)).toBe('finished')
    const states = await checkStates(page)
    expect(states.filter((s) => s.state !== 'pass')).toEqual([])
  })
})
