import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { contentScriptFiles } from './eslint/content-script-files.js';
import noPageRealmIteration from './eslint/no-page-realm-iteration.js';
import { layerRules } from './eslint/layers.js';
import reactHooks from 'eslint-plugin-react-hooks';
import { testsAndScriptsRules } from './eslint/tests-and-scripts.js';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/**/__screenshots__/**', 'tmp-scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Code that runs in web pages, where Firefox shows DOM objects through Xray wrappers.
    files: contentScriptFiles(import.meta.dirname),
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { kliping: { rules: { 'no-page-realm-iteration': noPageRealmIteration } } },
    rules: { 'kliping/no-page-realm-iteration': 'error' },
  },
  {
    // Preact's hooks follow React's rules.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...layerRules,
  ...testsAndScriptsRules,
);
