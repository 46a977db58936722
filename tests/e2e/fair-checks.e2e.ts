// Fair checks, as a learner meets them: they run a lesson's solution, press a fault in the middle of the
// run, and the checks name the fault instead of blaming their code. No check may fail outright (a
// failure means "your code is wrong"); a check the fault spoiled is "not judged" and says what the
// learner did; the run bar lists the fault.
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../../src/lib/lesson/load-lessons.ts'
import { usePage } from './support/browser.ts'
import { checkStates, consoleLines, openLesson, replaceCode, replaceServerCode, runToEnd, setSpeed, waitForRunEnd } from './support/lesson-page.ts'

const { lessons } = loadLessons(resolve('lessons'))
const session = usePage()

/** the simulated time the run bar shows ("Running · 2.100 s of 8.000 s"), in ms */
async function waitForSimTime(page: Page, ms: number): Promise<void> {
  await page.waitForFunction((at) => {
    const match = /([\d.]+) s of/.exec(document.querySelector('.status')?.textContent ?? '')
    return match !== null && Number(match[1]) * 1000 >= at
  }, ms)
}

/** run the code at `speed`, press `button` once the run reaches `atMs`, then run to the end at full speed */
async function runWithFault(page: Page, lesson: (typeof lessons)[number], button: string, atMs: number, speed: number): Promise<string> {
  // a lesson whose server the learner edits runs its server solution too
  if (lesson.serverCode) await replaceServerCode(page, lesson.serverCode.solution)
  await replaceCode(page, lesson.solution)
  await setSpeed(page, speed)
  await page.getByRole('button', { name: '▶ Run' }).click()
  await waitForSimTime(page, atMs)
  await page.getByRole('button', { name: button, exact: true }).click()
  await setSpeed(page, Infinity)
  return waitForRunEnd(page)
}

/** what each fault button makes the checks say the learner did, and what the run bar calls it */
const FAULTS: Record<string, { said: RegExp; bar: RegExp }> = {
  '⚡ Drop connections': { said: /you dropped every connection at \d+\.\d{3} s/i, bar: /^⚡ Drop connections at \d+\.\d{3} s$/ },
  '⚡ Restart server': { said: /you restarted the server at \d+\.\d{3} s/i, bar: /^⚡ Restart server at \d+\.\d{3} s$/ },
  '⚡ Restart Server 1': { said: /you restarted Server 1 at \d+\.\d{3} s/i, bar: /^⚡ Restart Server 1 at \d+\.\d{3} s$/ },
  '⚡ Restart Server 2': { said: /you restarted Server 2 at \d+\.\d{3} s/i, bar: /^⚡ Restart Server 2 at \d+\.\d{3} s$/ },
  '⚡ Offline 3 s': { said: /you took the network offline at \d+\.\d{3} s for 3 s/i, bar: /^⚡ Offline at \d+\.\d{3} s$/ },
}

/** when a lesson's fault is pressed (in the middle of what it teaches) and at which speed until then */
const PRESS: Record<string, { atMs: number; speed: number }> = {
  '01-short-polling': { atMs: 2500, speed: 1 },
  '02-long-polling': { atMs: 2000, speed: 1 },
  '03-sse-first-stream': { atMs: 2200, speed: 1 },
  '04-sse-reconnect': { atMs: 6200, speed: 1 },
  '05-websocket-chat': { atMs: 1000, speed: 1 },
  '06-scaling-websockets': { atMs: 100, speed: 0.25 },
  '07-choosing-the-right-tool': { atMs: 12_000, speed: 4 },
}

const cases = lessons.flatMap((lesson) => {
  const buttons =
    lesson.meta.scenario.instances > 1
      ? ['⚡ Drop connections', '⚡ Restart Server 1', '⚡ Restart Server 2', '⚡ Offline 3 s']
      : ['⚡ Drop connections', '⚡ Restart server', '⚡ Offline 3 s']
  return buttons.map((button) => [lesson.slug, button, lesson] as const)
})

describe('a fault pressed in the middle of a correct solution', () => {
  it.each(cases)(
    '%s, %s: the checks name the fault and never blame the code',
    async (slug, button, lesson) => {
      const { page } = session
      await openLesson(page, slug)
      // a lesson not in the table: a third of the way through, at double speed until then
      const press = PRESS[slug] ?? { atMs: Math.round(lesson.meta.scenario.durationMs / 3), speed: 2 }
      expect(await runWithFault(page, lesson, button, press.atMs, press.speed)).toBe('finished')
      expect(await page.getByTestId('faults-pressed').textContent()).toMatch(FAULTS[button]!.bar)
      const states = await checkStates(page)
      expect(states.length).toBeGreaterThan(0)
      // correct code is never failed; a check the fault spoiled says what the learner did
      expect(states.filter((s) => s.state === 'fail')).toEqual([])
      for (const s of states.filter((s) => s.state === 'unjudged')) expect(s.message, s.id).toMatch(FAULTS[button]!.said)
    },
    180_000,
  )
})

describe('the issue example: the server restarted in the middle of lesson 04', () => {
  it('says that the restart lost the history the replay needed, and does not blame the code', async () => {
    const { page } = session
    const lesson = lessons.find((l) => l.slug === '04-sse-reconnect')!
    await openLesson(page, lesson.slug)
    // after #6 arrived and before #7 is sent (7.000 s): the reconnection after the restart asks for 7 and 8
    await replaceCode(page, lesson.solution)
    await setSpeed(page, 0.5)
    await page.getByRole('button', { name: '▶ Run' }).click()
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=console-line]')].some((l) => l.textContent?.includes('#6')))
    await page.getByRole('button', { name: '⚡ Restart server', exact: true }).click()
    await setSpeed(page, Infinity)
    expect(await waitForRunEnd(page)).toBe('finished')
    expect((await consoleLines(page)).some((l) => l.includes('#7'))).toBe(false)
    const states = await checkStates(page)
    const updates = states.find((s) => s.id === 'every-update-once')!
    expect(updates.state).toBe('unjudged')
    expect(updates.message).toMatch(
      /^Updates #7 and #8 never reached your code: you restarted the server at 6\.\d{3} s, .*forgotten its history, so it could not replay them/,
    )
    expect(states.filter((s) => s.state === 'fail')).toEqual([])
  }, 120_000)
})

describe('a run that did not complete', () => {
  /** every check that is not passed says why the run ended first, and is not judged */
  async function expectSaidFirst(page: Page, start: RegExp): Promise<void> {
    const states = await checkStates(page)
    expect(states.length).toBeGreaterThan(0)
    expect(states.filter((s) => s.state === 'fail')).toEqual([])
    const unjudged = states.filter((s) => s.state === 'unjudged')
    expect(unjudged.length).toBeGreaterThan(0)
    for (const s of unjudged) expect(s.message, s.id).toMatch(start)
  }

  it('code that does not parse: the checks say the code could not start', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    await replaceCode(page, "const es = new EventSource('/api/stream');\nes.onmessage = (e) => console.log(JSON.parse(e.data);\n")
    // the scenario still plays to its end, with nothing on the client
    await runToEnd(page)
    await expectSaidFirst(
      page,
      /^The run stopped at 0\.000 s: your code could not start: SyntaxError: .*\(line 2\)\. Fix that first\. \(This check could not be judged: /,
    )
  })

  it('a handler that never returns: the checks say the code did not pause, at the moment it stopped', async () => {
    const { page } = session
    await openLesson(page, '03-sse-first-stream')
    await setSpeed(page, Infinity)
    await replaceCode(page, "const es = new EventSource('/api/stream');\nes.onmessage = (e) => {\n  console.log(JSON.parse(e.data));\n  while (true) {}\n};\n")
    expect(await runToEnd(page)).toBe('hung')
    await expectSaidFirst(page, /^The run stopped at 1\.050 s: your code did not pause \(.*\)\. Fix that first\./)
  })

  it('Stop pressed in the middle: the checks ask for a run to the end', async () => {
    const { page } = session
    const lesson = lessons.find((l) => l.slug === '01-short-polling')!
    await openLesson(page, lesson.slug)
    await replaceCode(page, lesson.solution)
    await setSpeed(page, 1)
    await page.getByRole('button', { name: '▶ Run' }).click()
    await waitForSimTime(page, 2500)
    await page.getByRole('button', { name: '■ Stop' }).click()
    expect(await waitForRunEnd(page)).toBe('stopped')
    await expectSaidFirst(
      page,
      /^The run was stopped at \d+\.\d{3} s \(Stop was pressed\), before the lesson's end: run it to the end\. \(This check could not be judged: /,
    )
  })
})
