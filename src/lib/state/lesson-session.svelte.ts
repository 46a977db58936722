// The state of one open lesson: the learner's code, the current run and what it produced (RunSession),
// the check results and answers kept as progress. Components render it and call its methods; its state
// is read-only to them. It touches no element of the page; it reads the address (test knobs), storage
// (through its stores) and schedules on animation frames.
import type { LessonContent } from '../lesson/types.ts'
import type { LessonCheck } from '../checks/index.ts'
import type { RunEnd } from '../runner/run-output.ts'
import { QuestionAnswers } from './question-answers.svelte.ts'
import type { CodeStore } from './code-store.ts'
import { CodeDraft } from './code-draft.svelte.ts'
import { lessonCompletion } from '../lesson/questions.ts'
import { browserProgressStore, type ProgressStore } from './progress-store.ts'
import { restoredResults, type LessonProgress } from './progress-record.ts'
import { LessonProgressKeeper } from './lesson-progress.svelte.ts'
import type { RunOnScreen } from './run-on-screen.svelte.ts'
import { RunSession } from './run-session.svelte.ts'
import { checkRun } from './run-checks.ts'
import { loadRunner } from './start-run.ts'
import { ServerDraft } from './server-draft.svelte.ts'

export type { RunStatus } from './run-on-screen.svelte.ts'

export class LessonSession extends RunSession {
  /** the learner's answers to the lesson's questions (they count with the checks) */
  readonly answers: QuestionAnswers
  /** check results, answers, solved and last visited: kept across visits and tabs */
  readonly progress: LessonProgressKeeper
  private readonly draft: CodeDraft
  /** the server code the learner edits, in lessons that give them one (null: none) */
  readonly serverDraft: ServerDraft | null

  constructor(
    lesson: LessonContent,
    readonly checks: readonly LessonCheck[],
    store: CodeStore,
    progressStore: ProgressStore = browserProgressStore(),
  ) {
    super(lesson)
    this.draft = new CodeDraft(lesson.slug, lesson.starter, store)
    this.serverDraft = lesson.serverCode ? new ServerDraft(lesson.serverCode, lesson.slug, store) : null
    this.answers = new QuestionAnswers(lesson.meta.questions, () => this.saveProgress({ answers: this.answers.saved() }))
    this.progress = new LessonProgressKeeper(lesson.slug, progressStore)
    this.restoreProgress()
  }

  get code(): string {
    return this.draft.code
  }
  /** why the last edit could not be saved (null: it was) */
  get saveProblem(): string | null {
    return this.draft.saveProblem
  }
  /** the code another tab saved for this lesson while this one has other code: the learner chooses */
  get otherTabCode(): string | null {
    return this.draft.otherTabCode
  }
  /** every check passed (once) with every question answered right */
  get solved(): boolean {
    return this.progress.solved
  }
  /** the server instances behind the load balancer (1: none) */
  get instances(): number {
    return this.lesson.meta.scenario.instances
  }

  /** the page goes away */
  destroy(): void {
    this.draft.destroy()
    this.serverDraft?.flush()
    this.progress.destroy()
    this.stop()
  }

  /** the learner typed: keep it, and save it shortly after they pause */
  edit(code: string): void {
    this.draft.edit(code)
  }
  flush(): void {
    this.draft.flush()
  }
  /** take the code the other tab saved (the editor keeps this tab's code in its undo history) */
  useOtherTabCode(): void {
    this.draft.useOtherTabCode()
  }
  /** keep this tab's code: it is saved now, and the other tab is asked in turn */
  keepThisTabCode(): void {
    this.draft.keepThisTabCode()
  }
  /** put the starter code back (the editor keeps the old text in its undo history) */
  reset(): void {
    this.draft.replace(this.lesson.starter)
  }
  useSolution(): void {
    this.draft.replace(this.lesson.solution)
  }

  /**
   * Load the runner and start msw while the learner reads, so that Run answers at once. Failures are
   * ignored here: Run tries again and shows them.
   */
  warmUp(): void {
    void loadRunner()
      .then(([, , host]) => host.ensureMockStarted())
      .catch(() => undefined)
  }

  protected codeToRun(): string {
    this.draft.flush()
    return this.draft.code
  }

  protected override serverToRun(): ServerDraft | null {
    this.serverDraft?.flush()
    return this.serverDraft
  }

  protected runEnded(run: RunOnScreen, why: RunEnd, at: number): void {
    run.results = checkRun(this.checks, {
      trace: run.trace,
      console: this.console.everyLine,
      errors: run.errors,
      serverStats: run.serverStats,
      uiCalls: run.uiCalls,
      end: why,
      at,
      broker: this.brokerInRun,
    })
    const results = run.results.map((r) => ({ id: r.id, pass: r.pass, message: r.message.slice(0, 2000) }))
    this.saveProgress({ lastRun: { at: Date.now(), results } })
  }

  /** the last run's results and the answers of an earlier visit, shown again; this visit is noted */
  private restoreProgress(): void {
    const kept = this.progress.progress
    const results = restoredResults(
      kept,
      this.checks.map((c) => c.id),
    )
    if (results)
      this.showEarlierResults(
        results.map((r, i) => ({ ...r, title: this.checks[i]!.title })),
        kept.lastRun!.at,
      )
    this.answers.restore(kept.answers)
    this.saveProgress({ visitedAt: Date.now() })
  }

  /** saves a change of progress, and marks the lesson solved when the checks and questions are all right */
  private saveProgress(change: Partial<LessonProgress>): void {
    const complete = lessonCompletion(this.results, this.checks.length, this.answers.results, this.answers.questions.length).complete
    this.progress.update(complete && !this.progress.solved ? { ...change, solvedAt: Date.now() } : change)
  }
}
