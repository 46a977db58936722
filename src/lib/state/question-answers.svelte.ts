// The learner's answers to a lesson's questions: what is chosen, and the grade of the last "Check
// answer". Views render it; `results` is what a progress store would keep.
import type { Question } from '../lesson/schema.ts'
import { gradeAnswer, nextChoice, type Grade } from '../lesson/questions.ts'

export interface QuestionResult {
  id: string
  /** the options chosen when the answer was last checked (or now, when it was not) */
  chosen: number[]
  /** the last check of the current choice; null: not checked since the choice changed */
  grade: Grade | null
  /** answered right (checked, and exactly the right options) */
  correct: boolean
}

export class QuestionAnswers {
  private chosenById = $state<Record<string, number[]>>({})
  private gradeById = $state<Record<string, Grade>>({})

  constructor(readonly questions: readonly Question[]) {}

  chosen(id: string): number[] {
    return this.chosenById[id] ?? []
  }

  grade(id: string): Grade | null {
    return this.gradeById[id] ?? null
  }

  /** the learner picks an option (single choice) or toggles it (multiple); the old grade no longer applies */
  choose(id: string, index: number, on: boolean): void {
    this.chosenById[id] = nextChoice(this.question(id), this.chosen(id), index, on)
    delete this.gradeById[id]
  }

  /** grade the current choice; null when nothing is chosen */
  check(id: string): Grade | null {
    const chosen = this.chosen(id)
    if (chosen.length === 0) return null
    const grade = gradeAnswer(this.question(id), chosen)
    this.gradeById[id] = grade
    return grade
  }

  get results(): QuestionResult[] {
    return this.questions.map((q) => {
      const grade = this.grade(q.id)
      return { id: q.id, chosen: this.chosen(q.id), grade, correct: grade?.correct ?? false }
    })
  }

  private question(id: string): Question {
    const question = this.questions.find((q) => q.id === id)
    if (!question) throw new Error(`There is no question "${id}" in this lesson`)
    return question
  }
}
