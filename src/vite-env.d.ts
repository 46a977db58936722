/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:wirelab/lessons' {
  export const lessonIndex: import('./lib/lesson/types.ts').LessonSummary[]
  export const lessonLoaders: Record<string, () => Promise<{ lesson: import('./lib/lesson/types.ts').LessonContent; checks: import('./lib/checks/index.ts').LessonCheck[] }>>
}
