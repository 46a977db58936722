// The course as a whole, from each lesson's progress: how many lessons are solved, where to continue,
// which lesson comes next. Plain functions over the lessons in course order.
import { started, type LessonProgress } from './progress-record.ts'

export type LessonState = 'solved' | 'started' | 'new'

export interface CourseLesson {
  slug: string
  title: string
}

export interface CourseProgress {
  solved: number
  total: number
  states: Map<string, LessonState>
  /** where the learner should go on (null: every lesson is solved) */
  next: { lesson: CourseLesson; why: 'start' | 'continue' | 'next' } | null
}

/** `hasCode`: the learner saved code for the lesson (it counts as started) */
export function courseProgress(
  lessons: readonly CourseLesson[],
  progressOf: (slug: string) => LessonProgress,
  hasCode: (slug: string) => boolean,
): CourseProgress {
  const states = new Map<string, LessonState>()
  let last: { index: number; at: number } | null = null
  for (const [index, lesson] of lessons.entries()) {
    const progress = progressOf(lesson.slug)
    states.set(lesson.slug, progress.solvedAt !== null ? 'solved' : started(progress) || hasCode(lesson.slug) ? 'started' : 'new')
    if (progress.visitedAt !== null && (!last || progress.visitedAt > last.at)) last = { index, at: progress.visitedAt }
  }
  const solved = [...states.values()].filter((s) => s === 'solved').length
  const unsolvedFrom = (from: number) => [...lessons.slice(from), ...lessons.slice(0, from)].find((l) => states.get(l.slug) !== 'solved') ?? null
  let next: CourseProgress['next']
  if (!last) {
    const first = unsolvedFrom(0)
    next = first ? { lesson: first, why: [...states.values()].every((s) => s === 'new') ? 'start' : 'continue' } : null
  } else if (states.get(lessons[last.index]!.slug) !== 'solved') {
    next = { lesson: lessons[last.index]!, why: 'continue' }
  } else {
    const after = unsolvedFrom(last.index + 1)
    next = after ? { lesson: after, why: 'next' } : null
  }
  return { solved, total: lessons.length, states, next }
}

/** the lesson after this one in course order (null: the last one) */
export function lessonAfter<T extends CourseLesson>(lessons: readonly T[], slug: string): T | null {
  const i = lessons.findIndex((l) => l.slug === slug)
  return i >= 0 ? (lessons[i + 1] ?? null) : null
}
