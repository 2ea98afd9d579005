import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['integrations', 'flow-actions', 'test-notification'];

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

/** api/ and spec-form/ are shared layers. */
const sharedLayerPatterns = [
  {
    group: ['**/features/**', '**/app/**'],
    message: 'api/ and spec-form/ are shared layers: they must not import features or the app shell.',
  },
];

/** wouter's raw `navigate` writes the history past the blockers (LeavePrompt); only app/navigation may use it. */
const browserLocation = {
  name: 'wouter/use-browser-location',
  message: 'Navigate with useNavigate/Link/Redirect (src/app/navigation): they pass the blockers, this does not.',
};
const restrictedPaths = [...zodThroughContract, browserLocation];

/** Feature folders import from api/, spec-form/ and app/ only, never from each other. */
const featureBoundaries = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: restrictedPaths,
        patterns: features
          .filter((other) => other !== feature)
          .map((other) => ({
            group: [`**/features/${other}`, `**/features/${other}/**`],
            message:
              'Features never import each other: move the shared piece down into api/, spec-form/ or app/, or compose them in pages/.',
          }))
          .concat([{ group: ['**/pages/**'], message: 'Pages compose features; features never import pages.' }]),
      },
    ],
  },
}));

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
    files: ['src/app/navigation/blockable-history.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: zodThroughContract }] },
  },
  {
    // The shared layers never reach up into features or the shell.
    files: ['src/api/**/*.{ts,tsx}', 'src/spec-form/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: restrictedPaths, patterns: sharedLayerPatterns }] },
  },
  {
    // The one module that imports zod/mini itself; classic zod stays out of src/ even here.
    files: ['src/api/contract/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: classicZod, patterns: sharedLayerPatterns }] },
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
              group: ['**/src/app/**', '**/src/features/**', '**/src/spec-form/**'],
              message: 'The server may import only src/api/contract.',
            },
          ],
        },
      ],
    },
  },
  ...featureBoundaries,
);
