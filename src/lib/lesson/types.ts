import type { LessonFrontMatter, Protocol } from './schema.ts'
import type { ServerDefinition } from '../sim/server-api/types.ts'

/** what the home page needs of a lesson */
export interface LessonSummary {
  slug: string
  title: string
  summary: string
  order: number
  protocol: Protocol
  /** the part of the course it belongs to (null: none) */
  part: string | null
}

/** everything a lesson page needs, produced at build time from the lesson's files */
export interface LessonContent {
  slug: string
  meta: LessonFrontMatter
  /** the lesson text as HTML (rendered at build time; sanitised again before display) */
  html: string
  starter: string
  solution: string
  /** TypeScript declarations of the lesson's messages, for the editor ('' for none) */
  types: string
  /** the language the learner writes: from the starter file's extension */
  language: 'javascript' | 'typescript'
  /** the server code the learner edits (a `kind: module` server with a `starter`), or null */
  serverCode?: EditableServer | null
  /** the lesson's own servers (`kind: module`), by `file` as the front matter names it: code, so not in the JSON (added by the lesson's module) */
  servers?: Readonly<Record<string, ServerDefinition<unknown, unknown>>>
}

/** a lesson server the learner edits in a second tab */
export interface EditableServer {
  /** the front matter's `file`: the solution, and the key its definition replaces in `servers` */
  file: string
  starter: string
  solution: string
}
