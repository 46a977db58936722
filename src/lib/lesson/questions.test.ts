import { describe, expect, it } from 'vitest'
import { gradeAnswer, gradeSummary, lessonCompletion, nextChoice } from './questions.ts'
import type { Question } from './schema.ts'

const option = (text: string, correct: boolean) => ({ text, correct, explanation: `${text} is ${correct ? 'right' : 'wrong'}` })
const single: Question = {
  id: 'tool',
  prompt: 'Which tool?',
  choice: 'single',
  claims: [],
  options: [option('polling', false), option('WebSocket', true), option('SSE', false)],
}
const multiple: Question = { ...single, id: 'true', choice: 'multiple', options: [option('a', true), option('b', false), option('c', true)] }

describe('grading an answer', () => {
  it('single choice: right only with the right option, and each chosen explanation is given', () => {
    expect(gradeAnswer(single, [1])).toEqual({ correct: true, chosen: [{ index: 1, right: true, explanation: 'WebSocket is right' }], missed: 0 })
    expect(gradeAnswer(single, [0])).toEqual({ correct: false, chosen: [{ index: 0, right: false, explanation: 'polling is wrong' }], missed: 1 })
    expect(gradeSummary(single, gradeAnswer(single, [0]))).toBe('Not quite: read why below, then try another answer.')
  })

  it('multiple choice: right only with exactly the right options', () => {
    expect(gradeAnswer(multiple, [0, 2]).correct).toBe(true)
    expect(gradeSummary(multiple, gradeAnswer(multiple, [0, 2]))).toBe('Right: all 2 are true.')
    expect(gradeAnswer(multiple, [0]).correct).toBe(false)
    expect(gradeSummary(multiple, gradeAnswer(multiple, [0]))).toBe('Not quite: 1 true option is missing.')
    expect(gradeAnswer(multiple, [0, 1, 2]).correct).toBe(false)
    expect(gradeSummary(multiple, gradeAnswer(multiple, [0, 1, 2]))).toBe('Not quite: 1 of your choices is not true.')
    expect(gradeSummary(multiple, gradeAnswer(multiple, [1]))).toBe('Not quite: 1 of your choices is not true, and 2 true options are missing.')
    expect(gradeAnswer(multiple, []).correct).toBe(false)
  })

  it('picking an option: one for single choice, a set for multiple', () => {
    expect(nextChoice(single, [0], 2, true)).toEqual([2])
    expect(nextChoice(multiple, [2], 0, true)).toEqual([0, 2])
    expect(nextChoice(multiple, [0, 2], 0, true)).toEqual([0, 2])
    expect(nextChoice(multiple, [0, 2], 0, false)).toEqual([2])
  })
})

describe('completing a lesson', () => {
  it('needs every check passed and every question answered right', () => {
    expect(lessonCompletion(null, 2, [{ correct: true }], 1)).toEqual({ checksPassed: 0, checks: 2, questionsRight: 1, questions: 1, complete: false })
    expect(lessonCompletion([{ pass: true }, { pass: true }], 2, [{ correct: false }], 1).complete).toBe(false)
    expect(lessonCompletion([{ pass: true }, { pass: true }], 2, [{ correct: true }], 1).complete).toBe(true)
    expect(lessonCompletion([{ pass: true }], 1, [], 0).complete).toBe(true)
  })
})
