import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scaffoldLesson, slugFor } from './scaffold.ts'
import { formatProblem, loadLessons } from './load-lessons.ts'
import { typecheckLessons } from './typecheck.ts'
import { inspectLessons } from './inspect-lessons.ts'
import { KIND_TEMPLATES, LESSON_KINDS } from './scaffold-kinds.ts'

describe('lessons:new', () => {
  it('makes slugs from titles', () => {
    expect(slugFor('WebSockets: Über-fast chat!')).toBe('websockets-uber-fast-chat')
    expect(slugFor('???')).toBe('lesson')
  })

  it('never cuts a slug inside a word', () => {
    // 40 characters would end in "recon…"; the slug stops after the last whole word instead
    expect(slugFor('Server-Sent Events with automatic reconnection and replay')).toBe('server-sent-events-with-automatic')
    expect(slugFor('Supercalifragilisticexpialidociousnessisms everywhere')).toBe('supercalifragilisticexpialidociousnessis')
  })

  it.each(LESSON_KINDS.map((k) => [k] as const))(
    'scaffolds a %s lesson that passes the check, checks loaded and dry-run',
    async (kind) => {
      const root = mkdtempSync(join(tmpdir(), 'wirelab-kind-'))
      const dir = scaffoldLesson(root, `A ${kind} lesson`, kind)
      const { lessons, problems } = loadLessons(root)
      expect(problems.map(formatProblem)).toEqual([])
      expect(lessons[0]!.meta.protocol).toBe(KIND_TEMPLATES[kind].protocol)
      expect(typecheckLessons(lessons).map(formatProblem)).toEqual([])
      expect((await inspectLessons(lessons, (file) => import(file))).map(formatProblem)).toEqual([])
      expect(readFileSync(join(dir, 'lesson.md'), 'utf8')).toContain(`protocol: ${KIND_TEMPLATES[kind].protocol}`)
    },
    60_000,
  )

  it('scaffolds a lesson that passes the check, numbered after the last one', () => {
    const root = mkdtempSync(join(tmpdir(), 'wirelab-course-'))
    const first = scaffoldLesson(root, 'First steps')
    const second = scaffoldLesson(root, 'Second: "quoted" title')
    expect([first, second].map((d) => d.slice(root.length + 1))).toEqual(['01-first-steps', '02-second-quoted-title'])
    const { lessons, problems } = loadLessons(root)
    expect(problems.map(formatProblem)).toEqual([])
    expect(lessons.map((l) => [l.meta.order, l.meta.title])).toEqual([
      [1, 'First steps'],
      [2, 'Second: "quoted" title'],
    ])
    expect(typecheckLessons(lessons).map(formatProblem)).toEqual([])
    expect(readFileSync(join(second, 'lesson.md'), 'utf8')).toContain('title: "Second: \\"quoted\\" title"')
    expect(() => scaffoldLesson(root, '  ')).toThrow('Give the lesson a title')
    // no limit of its own (type checking takes seconds on a busy machine): vitest.config.ts bounds a hang
  })
})
