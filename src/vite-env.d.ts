/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:wirelab/lessons' {
  export const lessonIndex: import('./lib/lesson/types.ts').LessonSummary[]
  /** the course's parts (lessons/_parts.yml), in order */
  export const lessonParts: Array<{ title: string; summary: string }>
  export const lessonLoaders: Record<
    string,
    () => Promise<{ lesson: import('./lib/lesson/types.ts').LessonContent; checks: import('./lib/checks/index.ts').LessonCheck[] }>
  >
}

declare module 'virtual:wirelab/lab' {
  /** lessons/_lab.yml: the lab's title and questions (null when the course has none) */
  export const lab: import('./lib/lesson/schema.ts').Lab | null
}

// monaco-editor ships no types for its TypeScript mode's entry; these two are what typescript-service.ts calls
declare module 'monaco-editor/languages/features/typescript/tsMode.js' {
  import type { LanguageServiceDefaults } from 'monaco-editor/languages/features/typescript/register.js'
  export function setupJavaScript(defaults: LanguageServiceDefaults): void
  export function setupTypeScript(defaults: LanguageServiceDefaults): void
}
