// docs/curriculum.md is generated from the lessons: this test fails when it is stale, when a claim is
// not taught, when fewer than 36 of the 40 claims are proven by a check or a question, or when a
// lesson proves a claim that no lesson up to it teaches. (Run `npm run lessons:schema` to regenerate.)
import { describe, expect, it } from 'vitest'
import { curriculumMarkdown, curriculumRows, unknownCheckClaims, type CurriculumLesson } from './curriculum.ts'

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
