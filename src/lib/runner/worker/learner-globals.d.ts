// What the learner's code can use besides the browser's own fetch, EventSource, WebSocket, timers,
// AbortController, URL and console. The editor's language service reads this file (as text), so keep
// every declaration documented: the comments are the hover docs.

/** Which learner client this code runs as. Lessons with several clients (Alice, Bob …) run your code once for each. */
declare const client: {
  /** "Alice", "Bob" … ("You" in a lesson with one client) */
  readonly name: string
  /** 0 for the first client, 1 for the second … */
  readonly index: number
}

/** A score to show on the scoreboard in the Output pane. */
interface WirelabScore {
  home: string
  away: string
  homeScore: number
  awayScore: number
  /** a line under the score, e.g. "minute 42" */
  detail?: string
}

/** The Output pane: your code runs in a worker without a page, so it shows results through this helper. */
declare const ui: {
  /** Show these items as a list (replacing the list shown before). */
  list(items: readonly unknown[]): void
  /** Add one item to the end of the list. */
  append(item: unknown): void
  /** Show a scoreboard (replacing the one shown before). */
  scoreboard(score: WirelabScore): void
  /** Add a message to the chat view. */
  chat(message: { from: string; text: string }): void
  /** Empty the Output pane. */
  clear(): void
}
