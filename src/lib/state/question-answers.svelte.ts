// The learner's answers to a lesson's questions: what is chosen, and the grade of the last "Check
// answer". Views render it; `saved()` is what the progress store keeps, `restore()` brings it back.
import type { Question } from '../lesson/schema.ts'
import { gradeAnswer, nextChoice, type Grade } from '../lesson/questions.ts'
import type { SavedAnswer } from './progress-record.ts'

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
  /** when each answer last changed (ms since 1970), for the progress store (not shown) */
  private readonly changedAt: Record<string, number> = {}

  /** onChange: an answer was chosen or checked (the session saves the progress) */
  constructor(
    readonly questions: readonly Question[],
    private readonly onChange: () => void = () => {},
  ) {}

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
    this.changedAt[id] = Date.now()
    this.onChange()
  }

  /** grade the current choice; null when nothing is chosen */
  check(id: string): Grade | null {
    const chosen = this.chosen(id)
    if (chosen.length === 0) return null
    const grade = gradeAnswer(this.question(id), chosen)
    this.gradeById[id] = grade
    this.changedAt[id] = Date.now()
    this.onChange()
    return grade
  }

  /** the answers as the progress store keeps them (questions with something chosen) */
  saved(): Record<string, SavedAnswer> {
    const saved: Record<string, SavedAnswer> = {}
    for (const q of this.questions) {
      const chosen = this.chosen(q.id)
      if (chosen.length) saved[q.id] = { chosen: [...chosen], checked: this.grade(q.id) !== null, at: this.changedAt[q.id] ?? 0 }
    }
    return saved
  }

  /** answers kept from an earlier visit (or another tab); ones that no longer fit their question are left out */
  restore(saved: Readonly<Record<string, SavedAnswer>>): void {
    for (const q of this.questions) {
      const answer = Object.hasOwn(saved, q.id) ? saved[q.id] : undefined
      if (!answer) continue
      const chosen = answer.chosen.filter((n, i) => answer.chosen.indexOf(n) === i).sort((a, b) => a - b)
      if (chosen.length === 0 || chosen.some((i) => i >= q.options.length) || (q.choice === 'single' && chosen.length > 1)) continue
      this.chosenById[q.id] = chosen
      if (answer.checked) this.gradeById[q.id] = gradeAnswer(q, chosen)
      else delete this.gradeById[q.id]
      this.changedAt[q.id] = answer.at
    }
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
