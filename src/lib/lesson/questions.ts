// Grading a lesson's questions, and what completes a lesson: every check passed and every question
// answered right. Plain functions: the page state (state/question-answers.svelte.ts) and a progress
// store read the same results.
import type { Question } from './schema.ts'

export interface ChosenOption {
  /** the option's position in the question */
  index: number
  right: boolean
  explanation: string
}

export interface Grade {
  /** exactly the right options were chosen */
  correct: boolean
  /** each chosen option, in the question's order, with its explanation */
  chosen: ChosenOption[]
  /** right options that were not chosen (multiple choice) */
  missed: number
}

export function gradeAnswer(question: Question, chosen: readonly number[]): Grade {
  const picked = question.options.flatMap((option, index) =>
    chosen.includes(index) ? [{ index, right: option.correct, explanation: option.explanation }] : [],
  )
  const missed = question.options.filter((option, index) => option.correct && !chosen.includes(index)).length
  return { correct: picked.length > 0 && missed === 0 && picked.every((p) => p.right), chosen: picked, missed }
}

/** the options chosen after the learner picks (single choice: only that one) or toggles (multiple) an option */
export function nextChoice(question: Question, chosen: readonly number[], index: number, on: boolean): number[] {
  if (!on) return chosen.filter((i) => i !== index)
  return question.choice === 'single' ? [index] : [...new Set([...chosen, index])].sort((a, b) => a - b)
}

/** one sentence on a graded answer */
export function gradeSummary(question: Question, grade: Grade): string {
  if (grade.correct) return question.choice === 'multiple' && grade.chosen.length > 1 ? `Right: all ${grade.chosen.length} are true.` : 'Right.'
  const wrong = grade.chosen.filter((c) => !c.right).length
  if (question.choice === 'single') return 'Not quite: read why below, then try another answer.'
  const parts = [
    wrong ? `${wrong} of your choices ${wrong === 1 ? 'is' : 'are'} not true` : '',
    grade.missed ? `${grade.missed} true option${grade.missed === 1 ? ' is' : 's are'} missing` : '',
  ]
  return `Not quite: ${parts.filter(Boolean).join(', and ')}.`
}

export interface Completion {
  checksPassed: number
  checks: number
  questionsRight: number
  questions: number
  /** every check passed in the last run and every question is answered right */
  complete: boolean
}

export function lessonCompletion(
  checkResults: ReadonlyArray<{ pass: boolean }> | null,
  checks: number,
  answers: ReadonlyArray<{ correct: boolean }>,
  questions: number,
): Completion {
  const checksPassed = checkResults?.filter((r) => r.pass).length ?? 0
  const questionsRight = answers.filter((a) => a.correct).length
  return { checksPassed, checks, questionsRight, questions, complete: checksPassed === checks && questionsRight === questions }
}
