// Every broken lesson of the corpus gets exactly its messages; random front matter never crashes the
// checker (it is valid or a clean list of problems).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { brokenCorpus } from './fixtures/broken-corpus.ts'
import { formatProblem, loadLessons } from './load-lessons.ts'
import { typecheckLessons } from './typecheck.ts'
import { inspectLessons } from './inspect-lessons.ts'
import { parseLessonMarkdown } from './front-matter.ts'
import { lessonFrontMatterSchema } from './schema.ts'

const GOOD_FILES: Record<string, string> = {
  'starter.js': "const es = new EventSource('/api/stream');\n",
  'solution.js': "const es = new EventSource('/api/stream');\nes.onmessage = (e) => console.log(e.data);\n",
  'checks.ts':
    "import { defineChecks } from 'wirelab/checks'\n\nexport default defineChecks([{ id: 'x', title: 'X', run: (run) => ({ pass: run.sseEvents().length > 0, message: 'ok' }) }])\n",
  'lesson.md': '---\ntitle: A lesson\nsummary: Short.\norder: 1\nprotocol: sse\nscenario:\n  server:\n    kind: live-score\n---\nText.\n',
}

describe('the broken-lesson corpus', () => {
  it('has at least 25 cases', () => expect(brokenCorpus.length).toBeGreaterThanOrEqual(25))

  it.each(brokenCorpus.map((c) => [c.name, c] as const))(
    '%s',
    async (_, c) => {
      const root = mkdtempSync(join(tmpdir(), 'wirelab-broken-'))
      const dir = join(root, 'course', '01-a-lesson')
      mkdirSync(dir, { recursive: true })
      const files: Record<string, string> = { ...GOOD_FILES, ...(c.md ? { 'lesson.md': c.md } : {}), ...c.files }
      for (const name of c.remove ?? []) delete files[name]
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true })
        writeFileSync(join(dir, name), text)
      }
      if (c.parts) writeFileSync(join(root, 'course', '_parts.yml'), c.parts)
      if (c.claims) writeFileSync(join(root, 'course', '_claims.yml'), c.claims)
      try {
        const { lessons, problems } = loadLessons(join(root, 'course'), root)
        const all = [...problems, ...typecheckLessons(lessons, root), ...(await inspectLessons(lessons, (file) => import(file), root))]
          .map(formatProblem)
          .map((p) => p.replace('course/01-a-lesson/', ''))
        expect(all).toEqual(c.expected)
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    },
    // no limit of its own: the first case makes the process's first TypeScript program, seconds on a
    // busy machine; vitest.config.ts bounds a hang
  )
})

describe('parts', () => {
  it("a lesson inherits its part's defaults; its own fields win, objects merge field by field", () => {
    const root = mkdtempSync(join(tmpdir(), 'wirelab-parts-'))
    const dir = join(root, 'course', '01-a-lesson')
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      join(root, 'course', '_parts.yml'),
      'parts:\n  - title: Streams\n    defaults:\n      protocol: sse\n      scenario:\n        latencyMs: 80\n        seed: 9\n',
    )
    for (const [name, text] of Object.entries(GOOD_FILES)) writeFileSync(join(dir, name), text)
    writeFileSync(
      join(dir, 'lesson.md'),
      '---\ntitle: A\nsummary: S.\norder: 1\npart: Streams\nscenario:\n  server:\n    kind: live-score\n  seed: 3\n---\nText.\n',
    )
    try {
      const { lessons, problems, parts } = loadLessons(join(root, 'course'), root)
      expect(problems.map(formatProblem)).toEqual([])
      expect(parts.map((p) => p.title)).toEqual(['Streams'])
      expect([lessons[0]!.meta.protocol, lessons[0]!.meta.scenario.latencyMs, lessons[0]!.meta.scenario.seed, lessons[0]!.meta.part]).toEqual([
        'sse',
        80,
        3,
        'Streams',
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('two lessons with one order', () => {
  it('are reported at the order line of the second', () => {
    const root = mkdtempSync(join(tmpdir(), 'wirelab-order-'))
    for (const slug of ['01-first', '02-second']) {
      const dir = join(root, 'course', slug)
      mkdirSync(dir, { recursive: true })
      for (const [name, text] of Object.entries(GOOD_FILES)) writeFileSync(join(dir, name), text)
    }
    // the second writes its order on line 5, after a comment
    writeFileSync(join(root, 'course', '02-second', 'lesson.md'), GOOD_FILES['lesson.md']!.replace('order: 1', '# the same as 01\norder: 1'))
    try {
      expect(loadLessons(join(root, 'course'), root).problems.map(formatProblem)).toEqual([
        'course/02-second/lesson.md:5:8 order: order 1 is already used by 01-first',
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('random front matter', () => {
  it('is either valid or a list of problems with positions, never a crash', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }))
    const front = fc.record({
      title: fc.option(fc.string(), { nil: undefined }),
      summary: fc.option(fc.string(), { nil: undefined }),
      order: fc.option(fc.oneof(fc.integer(), fc.string()), { nil: undefined }),
      protocol: fc.option(fc.constantFrom('sse', 'websocket', 'fax', ''), { nil: undefined }),
      scenario: fc.option(fc.dictionary(fc.constantFrom('server', 'latencyMs', 'faults', 'clients', 'broker', 'x'), value), { nil: undefined }),
      extra: fc.option(value, { nil: undefined }),
    })
    fc.assert(
      fc.property(front, fc.string({ maxLength: 40 }), (fm, junk) => {
        const yaml = stringify(JSON.parse(JSON.stringify(fm))) + (junk.includes('---') ? '' : junk.replace(/\r/g, ''))
        const result = parseLessonMarkdown(`---\n${yaml}\n---\nText.\n`, 'lesson.md')
        if (result.ok) return lessonFrontMatterSchema.safeParse(result.meta).success
        return result.problems.length > 0 && result.problems.every((p) => p.line >= 1 && p.column >= 1 && p.message.length > 0)
      }),
      { numRuns: 300 },
    )
  })
})
