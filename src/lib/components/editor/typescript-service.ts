// The TypeScript language service for the editor: completion, hover docs and diagnostics that know
// the APIs of the learner realm (a worker: fetch, EventSource, WebSocket …), the `client` and `ui`
// globals, and the lesson's own message types. It is a large worker, so it loads only after the
// editor is usable, and it never blocks typing. Type errors are hints: they never stop a run.
import { monaco, useTypeScriptWorker } from './monaco.ts'
import { javascriptDefaults, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register.js'
import { setupJavaScript, setupTypeScript } from 'monaco-editor/languages/features/typescript/tsMode.js'
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker.js?worker'
import learnerGlobals from '../../runner/worker/learner-globals.d.ts?raw'

useTypeScriptWorker(() => new TsWorker())

const compilerOptions = {
  target: 99, // ESNext
  module: 99,
  // given to the language service as is, so file names, not the short names of a tsconfig
  lib: ['lib.esnext.d.ts', 'lib.webworker.d.ts'],
  allowJs: true,
  checkJs: true,
  strict: false,
  noEmit: true,
  allowNonTsExtensions: true,
  // every learner file is a module: top-level await is allowed, as in the runner
  moduleDetection: 3,
}

for (const defaults of [javascriptDefaults, typescriptDefaults]) {
  defaults.setCompilerOptions(compilerOptions)
  defaults.addExtraLib(learnerGlobals, 'file:///wirelab/learner-globals.d.ts')
}

// register.js listens for the first model of each language; ours was created before this module
// loaded, so set up the languages already in use directly (each only once)
const started = new Set<string>()
for (const model of monaco.editor.getModels()) {
  const id = model.getLanguageId()
  if (started.has(id)) continue
  if (id === 'javascript') setupJavaScript(javascriptDefaults)
  else if (id === 'typescript') setupTypeScript(typescriptDefaults)
  else continue
  started.add(id)
}

let lessonTypes: Array<{ dispose(): void }> = []

/** the lesson's message types (a .d.ts text), known to completion and diagnostics until replaced */
export function setLessonTypes(dts: string): void {
  for (const lib of lessonTypes) lib.dispose()
  lessonTypes = dts ? [javascriptDefaults, typescriptDefaults].map((d) => d.addExtraLib(dts, 'file:///wirelab/lesson-types.d.ts')) : []
}
