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
    languageOptions: { globals: { client: 'readonly' } },
  },
  {
    // the simulation core stays headless: no Svelte, msw, editor or DOM
    files: ['src/lib/sim/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['svelte', 'svelte/*', 'msw', 'msw/*', 'monaco-editor*', 'mermaid', '../mock/*', '../runner/*', '../state/*', '../components/*'] },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'location'],
    },
  },
)
