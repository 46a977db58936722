// The server code a learner edits (a lesson whose module server has a `starter`): kept per lesson like
// the client code, compiled at each Run into the definition that runs instead of the instructor's, with
// the watchdog that stops it when it loops (server-code/loop-guard.ts).
import type { EditableServer } from '../lesson/types.ts'
import type { LearnerError } from '../runner/run-output.ts'
import type { ServerDefinition } from '../sim/server-api/types.ts'
import type { CodeStore } from './code-store.ts'

/** real ms the server's code may run without the page getting back to its event loop (as the client's watchdog) */
export const SERVER_WATCHDOG_MS = 2000

/** where the server code is kept: beside the client code, under its own key */
export const serverCodeSlug = (slug: string) => `${slug}/server.ts`

export type PreparedServer =
  { ok: true; modules: Record<string, ServerDefinition<unknown, unknown>>; stopped: () => LearnerError | null } | { ok: false; error: LearnerError }

export class ServerDraft {
  code = $state('')
  saveProblem = $state<string | null>(null)
  private saveTimer: ReturnType<typeof setTimeout> | null = null
  private readonly key: string

  constructor(
    readonly server: EditableServer,
    slug: string,
    private readonly store: CodeStore,
  ) {
    this.key = serverCodeSlug(slug)
    this.code = store.load(this.key) ?? server.starter
  }

  edit(code: string): void {
    this.code = code
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => this.flush(), 300)
  }

  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    this.saveProblem = this.code === this.server.starter ? (this.store.clear(this.key), null) : this.store.save(this.key, this.code)
  }

  reset(): void {
    this.edit(this.server.starter)
    this.flush()
  }

  useSolution(): void {
    this.edit(this.server.solution)
    this.flush()
  }

  /**
   * The learner's server, compiled for one run (the compiler loads with it: only lessons with a server
   * tab pay for it). `onStop` ends the run when the watchdog stopped the code.
   */
  async prepare(onStop: (error: LearnerError) => void, now: () => number): Promise<PreparedServer> {
    const [{ compileServerCode }, { LoopGuard }] = await Promise.all([import('../server-code/compile-server.ts'), import('../server-code/loop-guard.ts')])
    let stoppedError: LearnerError | null = null
    const guard = new LoopGuard({
      budgetMs: SERVER_WATCHDOG_MS,
      onStop: (stopped) => {
        stoppedError = {
          phase: 'hang',
          name: 'Stopped',
          message: stopped.message,
          location: { line: stopped.line, column: 1 },
          t: now(),
          inServerCode: true,
        }
        onStop(stoppedError)
      },
    })
    const compiled = compileServerCode(this.code, guard)
    if (!compiled.ok) {
      const { message, line, column } = compiled.problem
      const [name, ...rest] = message.split(': ')
      const syntax = name === 'SyntaxError'
      return {
        ok: false,
        error: {
          phase: syntax ? 'syntax' : 'runtime',
          name: rest.length ? name! : 'Error',
          message: rest.length ? rest.join(': ') : message,
          location: { line, column },
          t: 0,
          inServerCode: true,
        },
      }
    }
    return { ok: true, modules: { [this.server.file]: compiled.definition }, stopped: () => stoppedError }
  }
}
