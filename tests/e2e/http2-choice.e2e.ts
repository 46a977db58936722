// Lesson 13 offers "Serve over HTTP/2": ticked, the next run's requests are streams of one connection
// and nothing waits for a connection; unticked, the starter's seventh request waits again. (The merge of
// the pool with the LessonSession split once dropped the choice on its way to the simulation.)
import { describe, expect, it } from 'vitest'
import { usePage } from './support/browser.ts'
import { checkStates, diagramLabels, openLesson, runToEnd, setSpeed } from './support/lesson-page.ts'

const session = usePage()

describe('the HTTP/2 choice', () => {
  it('reaches the next run: no request waits over HTTP/2, and one waits again over HTTP/1.1', async () => {
    const { page } = session
    await openLesson(page, '13-the-sixth-connection')
    await setSpeed(page, Infinity)
    const http2 = page.getByLabel('Serve over HTTP/2')
    await http2.check()
    expect(await runToEnd(page)).toBe('finished')
    const waits = (await checkStates(page)).find((c) => c.id === 'nothing-waits')!
    expect(waits).toMatchObject({ state: 'pass' })
    expect(waits.message).toContain('over HTTP/2 every request was a stream of one connection')
    expect((await diagramLabels(page)).some((l) => l.includes('waiting for a connection'))).toBe(false)

    await http2.uncheck()
    expect(await runToEnd(page)).toBe('finished')
    expect((await checkStates(page)).find((c) => c.id === 'nothing-waits')).toMatchObject({ state: 'fail' })
    expect((await diagramLabels(page)).some((l) => l.includes('waiting for a connection'))).toBe(true)
  })
})
