import { describe, expect, it } from 'vitest'
import { courseProgress, lessonAfter } from './course-progress.ts'
import { emptyProgress, type LessonProgress } from './progress-record.ts'

const lessons = ['a', 'b', 'c', 'd'].map((slug) => ({ slug, title: slug.toUpperCase() }))
const course = (progress: Record<string, Partial<LessonProgress>>, code: string[] = []) =>
  courseProgress(
    lessons,
    (slug) => ({ ...emptyProgress(), ...progress[slug] }),
    (slug) => code.includes(slug),
  )

describe('the course on the home page', () => {
  it('starts at the first lesson', () => {
    const p = course({})
    expect(p.solved).toBe(0)
    expect(p.total).toBe(4)
    expect(p.next).toEqual({ lesson: lessons[0], why: 'start' })
    expect([...p.states.values()]).toEqual(['new', 'new', 'new', 'new'])
  })

  it('continues the lesson visited last, when it is not solved', () => {
    const p = course({ a: { solvedAt: 1, visitedAt: 1 }, c: { visitedAt: 5 }, b: { visitedAt: 3 } })
    expect(p.next).toEqual({ lesson: lessons[2], why: 'continue' })
    expect([...p.states.values()]).toEqual(['solved', 'started', 'started', 'new'])
  })

  it('goes on to the next unsolved lesson after a solved one, wrapping round', () => {
    expect(course({ a: { solvedAt: 1, visitedAt: 2 } }).next).toEqual({ lesson: lessons[1], why: 'next' })
    expect(course({ b: { solvedAt: 1 }, c: { solvedAt: 1 }, d: { solvedAt: 1, visitedAt: 9 } }).next).toEqual({ lesson: lessons[0], why: 'next' })
  })

  it('counts saved code as a start, and has nowhere to go when all is solved', () => {
    expect(course({}, ['b']).states.get('b')).toBe('started')
    const all = course(Object.fromEntries(lessons.map((l) => [l.slug, { solvedAt: 1, visitedAt: 1 }])))
    expect(all.solved).toBe(4)
    expect(all.next).toBeNull()
  })

  it('knows the lesson after each', () => {
    expect(lessonAfter(lessons, 'a')).toEqual(lessons[1])
    expect(lessonAfter(lessons, 'd')).toBeNull()
    expect(lessonAfter(lessons, 'zz')).toBeNull()
  })
})
