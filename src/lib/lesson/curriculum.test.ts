// docs/curriculum.md is generated from the lessons: this test fails when it is stale, when a claim is
// not taught, when fewer than 36 of the 40 claims are proven by a check or a question, or when a
// lesson proves a claim that no lesson up to it teaches. (Run `npm run lessons:schema` to regenerate.)
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatProblem, loadLessons } from './load-lessons.ts'
import { curriculumLessons, curriculumMarkdown, curriculumRows, labAsCurriculum, unknownCheckClaims, type CurriculumLesson } from './curriculum.ts'

const { lessons, claims, problems, lab } = loadLessons(resolve('lessons'))
const course = [...(await curriculumLessons(lessons, (file) => import(/* @vite-ignore */ file))), ...(lab ? [labAsCurriculum(lab)] : [])]

describe('the curriculum of lessons/', () => {
  it('has its claims in lessons/_claims.yml, and valid lessons', () => {
    expect(problems.map(formatProblem)).toEqual([])
    expect(Object.keys(claims?.claims ?? {})).toHaveLength(68)
  })

  it('docs/curriculum.md is up to date (npm run lessons:schema)', () => {
    expect(readFileSync('docs/curriculum.md', 'utf8')).toBe(curriculumMarkdown(claims!, course))
  })

  it('every claim is taught by a lesson', () => {
    expect(
      curriculumRows(claims!, course)
        .filter((r) => r.taughtIn.length === 0)
        .map((r) => r.n),
    ).toEqual([])
  })

  it('at least 36 of the 40 claims are proven by a check or a question', () => {
    const proven = curriculumRows(claims!, course).filter((r) => r.provenBy.length > 0)
    expect(proven.length).toBeGreaterThanOrEqual(36)
  })

  it("the lab's questions prove the claims its numbers show (issue 16)", () => {
    const byLab = curriculumRows(claims!, course)
      .filter((r) => r.provenBy.some((p) => p.slug === 'lab'))
      .map((r) => r.n)
    expect(byLab).toEqual([6, 7, 13, 14, 19, 20, 36, 37, 38, 39, 40])
  })

  it('checks name only claims of the course', () => {
    expect(unknownCheckClaims(claims!, course)).toEqual([])
  })

  it('a lesson proves only what it or an earlier lesson teaches', () => {
    const late = curriculumRows(claims!, course).flatMap((row) =>
      row.provenBy
        .filter((p) => !row.taughtIn.some((slug) => course.findIndex((l) => l.slug === slug) <= course.findIndex((l) => l.slug === p.slug)))
        .map((p) => `claim ${row.n}: ${p.kind} ${p.id} in ${p.slug}, taught in ${row.taughtIn.join(', ') || 'no lesson'}`),
    )
    expect(late).toEqual([])
  })
})

describe('the curriculum map', () => {
  const claimsOf = { source: 'a seed', claims: { '1': 'One.', '2': 'Two | three.', '3': 'Three.' } }
  const two: CurriculumLesson[] = [
    { slug: '01-a', title: 'A', teaches: [1, 2], questions: [{ id: 'q', claims: [2] }], checks: [{ id: 'c', claims: [1, 9] }, { id: 'd' }] },
    { slug: '02-b', title: 'B', teaches: [2], questions: [], checks: [] },
  ]

  it('lists for each claim the lessons that teach it and what proves it', () => {
    expect(curriculumRows(claimsOf, two)).toEqual([
      { n: 1, text: 'One.', taughtIn: ['01-a'], provenBy: [{ slug: '01-a', kind: 'check', id: 'c' }] },
      { n: 2, text: 'Two | three.', taughtIn: ['01-a', '02-b'], provenBy: [{ slug: '01-a', kind: 'question', id: 'q' }] },
      { n: 3, text: 'Three.', taughtIn: [], provenBy: [] },
    ])
    expect(unknownCheckClaims(claimsOf, two)).toEqual([{ slug: '01-a', check: 'c', claim: 9 }])
  })

  it('writes a table row per claim, escaping pipes, and marks what is not taught', () => {
    const text = curriculumMarkdown(claimsOf, two)
    expect(text).toContain('**2 of 3 claims taught; 2 of 3 proven by a check or a question (1 by a check).**')
    expect(text).toContain('| 2 | Two \\| three. | [01 A](../lessons/01-a/lesson.md)<br>[02 B](../lessons/02-b/lesson.md) | question `q` (01) |')
    expect(text).toContain('| 3 | Three. | **not taught** | — |')
  })
})
