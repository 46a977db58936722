// The learner's code for one lesson as it is edited: kept in storage shortly after each pause, and
// never written over another tab's save until the learner has chosen which to keep.
import type { CodeStore } from './code-store.ts'

/** ms after the last keystroke before the code is saved */
const SAVE_AFTER_MS = 300

export class CodeDraft {
  #code = $state('')
  #saveProblem = $state<string | null>(null)
  #otherTabCode = $state<string | null>(null)
  private saveTimer: ReturnType<typeof setTimeout> | null = null
  private readonly unwatch: () => void

  constructor(
    private readonly slug: string,
    private readonly starter: string,
    private readonly store: CodeStore,
  ) {
    this.#code = store.load(slug) ?? starter
    this.unwatch = store.watch(slug, (saved) => {
      const code = saved ?? starter
      this.#otherTabCode = code === this.#code ? null : code
    })
  }

  get code(): string {
    return this.#code
  }

  /** why the last edit could not be saved (null: it was) */
  get saveProblem(): string | null {
    return this.#saveProblem
  }

  /** the code another tab saved for this lesson while this one has other code: the learner chooses */
  get otherTabCode(): string | null {
    return this.#otherTabCode
  }

  /** the learner typed: keep it, and save it shortly after they pause */
  edit(code: string): void {
    this.#code = code
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => this.flush(), SAVE_AFTER_MS)
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    // another tab saved this lesson: nothing is overwritten until the learner has chosen
    if (this.#otherTabCode !== null) return
    this.#saveProblem = this.#code === this.starter ? (this.store.clear(this.slug), null) : this.store.save(this.slug, this.#code)
  }

  /** take the code the other tab saved (the editor keeps this tab's code in its undo history) */
  useOtherTabCode(): void {
    const code = this.#otherTabCode
    if (code === null) return
    this.#otherTabCode = null
    this.edit(code)
    this.flush()
  }

  /** keep this tab's code: it is saved now, and the other tab is asked in turn */
  keepThisTabCode(): void {
    this.#otherTabCode = null
    this.flush()
  }

  /** put `code` in and save it now (the starter, the solution, a shared link's code) */
  replace(code: string): void {
    this.edit(code)
    this.flush()
  }

  destroy(): void {
    this.flush()
    this.unwatch()
  }
}
