import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersConfig } from './eslint.layers.js';

/** Classic zod puts every method on every schema, so it cannot be tree-shaken: about 25 KB gzip on every page. */
const classicZod = ['zod', 'zod/v4', 'zod/v3'].map((name) => ({
  name,
  message: 'Classic zod is not tree-shakable: use the zod/mini API of { z } from src/api/contract/zod.',
}));

/** zod/mini straight from the package would skip the CSP-safe config of `src/api/contract/zod.ts`. */
const zodThroughContract = classicZod.concat(
  ['zod/mini', 'zod/v4-mini', 'zod/v4/mini', 'zod/v4/core'].map((name) => ({
    name,
    message: "Import { z } from src/api/contract/zod: it sets zod's jitless mode (CSP) before any schema is built.",
  })),
);

/** wouter's raw `navigate` writes the history past the blockers (LeavePrompt); only shared/navigation may use it. */
const browserLocation = {
  name: 'wouter/use-browser-location',
  message: 'Navigate with useNavigate/Link/Redirect (src/shared/navigation): they pass the blockers, this does not.',
};
const restrictedPaths = [...zodThroughContract, browserLocation];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      'data',
      'reports',
      '.stryker-tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: restrictedPaths }] },
  },
  {
    // The blockable history is the one place that writes the browser history.
    files: ['src/shared/navigation/blockable-history.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: zodThroughContract }] },
  },
  {
    // The one module that imports zod/mini itself; classic zod stays out of src/ even here.
    files: ['src/api/contract/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: classicZod }] },
  },
  {
    // The server shares only the contract with the client.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/app/**',
                '**/src/pages/**',
                '**/src/features/**',
                '**/src/integrations/**',
                '**/src/shared/**',
                '**/src/spec-form/**',
              ],
              message: 'The server may import only src/api/contract.',
            },
          ],
        },
      ],
    },
  },
  layersConfig,
  {
    // Small files named for what they hold: a longer one holds more than one thing.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }] },
  },
);
