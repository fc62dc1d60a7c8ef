import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

/**
 * The directions that must never exist (docs/architecture.md): dialogs/ is pure and shared by both
 * ends, the client never reaches into the server, the server never into the client. The per-folder
 * tsconfigs keep the globals apart (no DOM on the server, no Node in dialogs/ or the client).
 */
const NODE = { group: ['node:*'], message: 'dialogs/ and client/ run in the browser too: no Node modules.' }
const boundary = (...patterns) => ({ rules: { 'no-restricted-imports': ['error', { patterns }] } })

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'data/**', 'tests/e2e/screenshots/**', 'coverage/**', 'docs/machines/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['dialogs/**'],
    ...boundary(NODE, {
      regex: '(^|/)(server|client)/',
      message: 'dialogs/ is the shared bottom: it imports neither the server nor the client.',
    }),
  },
  {
    files: ['client/**'],
    ...boundary(NODE, {
      regex: '(^|/)server/',
      message: 'The client talks to the server over HTTP and the socket only.',
    }),
  },
  {
    files: ['server/**'],
    ...boundary({ regex: '(^|/)client/', message: 'The server serves the built client; it never imports its code.' }),
  },
  {
    files: ['client/**/*.tsx', 'client/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['tests/**', 'scripts/**', 'server/cli.ts', 'server/index.ts'],
    rules: { 'no-console': 'off' },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
)
