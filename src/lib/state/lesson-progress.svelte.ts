// One lesson's progress while its page is open: loaded at open, saved (merged with any other tab's) at
// every change, followed when another tab saves it. Storage trouble is kept in `problem` for the page.
import { emptyProgress, mergeProgress, type LessonProgress } from './progress-record.ts'
import type { ProgressStore } from './progress-store.ts'

export class LessonProgressKeeper {
  progress = $state.raw<LessonProgress>(emptyProgress())
  /** why the progress could not be saved (null: it is) */
  problem = $state<string | null>(null)
  private readonly unwatch: () => void

  constructor(
    readonly slug: string,
    private readonly store: ProgressStore,
  ) {
    this.progress = store.load(slug)
    // another tab saved: what it knows joins what this tab knows (which may not be stored, if storage is full)
    this.unwatch = store.watch(slug, (stored) => (this.progress = mergeProgress(this.progress, stored)))
  }

  get solved(): boolean {
    return this.progress.solvedAt !== null
  }

  /** a change: saved at once (merged with what another tab may have saved) */
  update(change: Partial<LessonProgress>): void {
    const { progress, problem } = this.store.save(this.slug, { ...this.progress, ...change })
    this.progress = progress
    this.problem = problem
  }

  destroy(): void {
    this.unwatch()
  }
}
