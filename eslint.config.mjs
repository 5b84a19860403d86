// ESLint flat config: typescript-eslint's recommended rules for the extension, tests and scripts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', 'test-results/**', '**/*.vsix', 'bench/results.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Stripping control characters from hostile vendor strings is deliberate in this project.
      'no-control-regex': 'off',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits or catches, or one passed where VS Code or Node expects a
    // plain callback, loses its rejection (an unhandled rejection in the extension host, a script that
    // exits before its work is done). Every file that is in a TypeScript project gets them: src, test
    // and bench (tsconfig.json), the webview script (media/webview/tsconfig.json) and the scripts
    // (scripts/tsconfig.json).
    files: ['**/*.ts', 'scripts/**/*.mjs', 'media/webview/**/*.js'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // webview scripts run in the browser, inside VS Code's webview iframe, bundled by esbuild from ES modules
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    // Tests feed deliberately unsafe integers (vendor ids beyond 2^53) to prove they are rejected or kept lossless.
    rules: { 'no-loss-of-precision': 'off' },
  },
);
