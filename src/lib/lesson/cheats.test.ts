// The cheat corpus: headers are read as written, the course has at least three cheats per lesson, and
// none of them reaches the browser build. (That each cheat fails its check is proved in Chromium:
// tests/e2e/lessons.e2e.ts.)
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkIdsIn, parseCheat } from './cheats.ts'
import { loadLessons } from './load-lessons.ts'
import { wirelabLessons } from './vite-plugin.ts'
import { readFileSync } from 'node:fs'

const { lessons } = loadLessons(resolve('lessons'))

describe('a cheat header', () => {
  it('says what the code cheats with, which checks must fail with which messages, and how to run it', () => {
    const code = [
      '// cheat: hard-coded output, no network',
      '// Free comments are fine in the header.',
      '// fails: logs-three-scores /came from .* events/',
      '// fails: other /No EventSource/i',
      '// broker: off',
      'console.log({ home: 0, away: 0 });',
      '// fails: not-a-header /after the code/',
    ].join('\n')
    expect(parseCheat(code, 'cheats/a.js', ['logs-three-scores', 'other'])).toEqual({
      cheat: {
        what: 'hard-coded output, no network',
        fails: [
          { check: 'logs-three-scores', pattern: 'came from .* events', flags: '', line: 3 },
          { check: 'other', pattern: 'No EventSource', flags: 'i', line: 4 },
        ],
        brokerOff: true,
      },
    })
  })

  it('finds the check ids a checks.ts declares, as its module does', async () => {
    for (const lesson of lessons) {
      const { default: checks } = (await import(lesson.checksFile)) as { default: Array<{ id: string }> }
      expect(checkIdsIn(readFileSync(lesson.checksFile, 'utf8'))).toEqual(checks.map((c) => c.id))
    }
  })
})

describe('the cheat corpus of lessons/', () => {
  it.each(lessons.map((l) => [l.slug, l] as const))('%s has at least three cheats, each failing a check', (_, lesson) => {
    expect(lesson.cheats.length).toBeGreaterThanOrEqual(3)
    for (const cheat of lesson.cheats) expect(cheat.fails.length).toBeGreaterThan(0)
  })

  it('never reaches the browser build: the lesson modules carry no cheat code', async () => {
    const plugin = wirelabLessons({ dir: resolve('lessons') })
    const load = plugin.load as (this: { addWatchFile(file: string): void }, id: string) => string
    for (const lesson of lessons) {
      const module = load.call({ addWatchFile: () => undefined }, `\0virtual:wirelab/lesson/${lesson.slug}`)
      expect(module).toContain(JSON.stringify(lesson.solution))
      for (const cheat of lesson.cheats) {
        expect(module).not.toContain(cheat.name)
        expect(module).not.toContain(JSON.stringify(cheat.code))
      }
    }
    const index = load.call({ addWatchFile: () => undefined }, '\0virtual:wirelab/lessons')
    expect(index).not.toContain('cheats')
  })
})
