import js from '@eslint/js'
import ts from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'

export default ts.config(
  { ignores: ['dist/', 'node_modules/', '.bench/', '.lessons-check/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // learner code runs in a worker that also gives it `client` ({ name, index }): see docs/authoring
    files: ['lessons/**/*.js', 'lessons/**/*.ts'],
    ignores: ['lessons/**/checks.ts'],
    languageOptions: { globals: { client: 'readonly', ui: 'readonly' } },
  },
  // Layers (docs/architecture.md, "Layers"): which folder of src/lib may import which. Tests are held to
  // the same rules as the code beside them, so a test cannot lean on a layer its code may not use.
  ...layer('sim', [], { headless: true }),
  ...layer('crossing', ['sim'], { headless: true }),
  ...layer('checks', ['sim'], { headless: true }),
  ...layer('lesson', ['checks', 'sim']),
  ...layer('share', [], { headless: true }),
  ...layer('offline', []),
  ...layer('mock', ['crossing', 'offline', 'sim']),
  ...layer('runner', ['crossing', 'sim']),
  ...layer('server-code', ['sim'], { headless: true }),
  ...layer('state', ['checks', 'crossing', 'lesson', 'mock', 'offline', 'runner', 'server-code', 'share', 'sim']),
  ...layer('components', ['checks', 'lesson', 'offline', 'runner', 'share', 'sim', 'state']),
)

/** `folder` of src/lib may import only the folders `allowed` (and itself); headless layers use no UI library or DOM */
function layer(folder, allowed, { headless = false } = {}) {
  const all = ['sim', 'crossing', 'checks', 'lesson', 'share', 'offline', 'mock', 'runner', 'server-code', 'state', 'components']
  const forbidden = all.filter((f) => f !== folder && !allowed.includes(f))
  const ui = headless ? ['svelte', 'svelte/*', 'msw', 'msw/*', 'monaco-editor*', 'mermaid', 'dompurify'] : []
  return [
    {
      files: [`src/lib/${folder}/**/*.ts`, `src/lib/${folder}/**/*.svelte`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...forbidden.map((f) => ({
                group: [`**/${f}/**`, `**/lib/${f}/**`],
                message: `${folder}/ may not import ${f}/ (see "Layers" in docs/architecture.md)`,
              })),
              ...(ui.length ? [{ group: ui, message: `${folder}/ is headless: no UI library here` }] : []),
            ],
          },
        ],
        ...(headless ? { 'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'location'] } : {}),
      },
    },
  ]
}
