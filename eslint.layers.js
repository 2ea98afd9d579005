import boundaries from 'eslint-plugin-boundaries';

/**
 * The client's layers, checked on the files an import resolves to (so `../sibling` and `@/…` paths cannot slip
 * past): app -> pages -> features -> integrations/<type> -> shared/spec-form -> api. Imports only point down;
 * features and integration types never import each other; only tests and test support import test support.
 */

/**
 * Each folder is one element (a file belongs to the closest); `partialMatch: false` matches from the project root,
 * so nothing outside src/ is one. Files straight in src/ (main.tsx) are the `root`. Order matters: the first
 * descriptor that matches wins, so deeper folders come first.
 */
const elements = [
  { type: 'app', pattern: 'src/app', partialMatch: false },
  { type: 'pages', pattern: 'src/pages', partialMatch: false },
  { type: 'feature', pattern: 'src/features/*', partialMatch: false },
  { type: 'integration', pattern: 'src/integrations/*', partialMatch: false },
  // The table of integration types and its descriptor interface sit in src/integrations/, beside the type folders.
  { type: 'integration-registry', pattern: 'src/integrations', partialMatch: false },
  { type: 'shared', pattern: 'src/shared', partialMatch: false },
  { type: 'spec-form', pattern: 'src/spec-form', partialMatch: false },
  { type: 'api', pattern: 'src/api', partialMatch: false },
  { type: 'test-setup', pattern: 'src/test', partialMatch: false },
  // Last: the first descriptor that matches a file wins.
  { type: 'root', pattern: 'src', partialMatch: false },
];

/** Code that exists only for tests: it may compose the whole app, and only tests may import it. */
const testSupport = [
  'src/shared/testing/**',
  'src/test/**',
  'src/api/mock-fetch.ts',
  'src/spec-form/test-fixtures.tsx',
];
const files = [
  { category: 'test', pattern: 'src/**/*.test.{ts,tsx}', exclusive: true },
  { category: 'test-support', pattern: testSupport, exclusive: true },
  { category: 'entry', pattern: 'src/main.tsx' },
  { category: 'source', pattern: 'src/**' },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const belowFeatures = ['integration-registry', 'integration', 'shared', 'spec-form', 'api'];

/** What each layer may import besides itself (imports within one element are never checked). */
const policies = [
  { from: { file: { categories: 'entry' } }, allow: to('app', 'shared', 'api') },
  { from: { element: { type: 'app' } }, allow: to('pages', 'feature', ...belowFeatures) },
  { from: { element: { type: 'pages' } }, allow: to('feature', ...belowFeatures) },
  // Not another feature: features are composed in pages/.
  { from: { element: { type: 'feature' } }, allow: to(...belowFeatures) },
  { from: { element: { type: 'integration-registry' } }, allow: to('integration', 'shared', 'spec-form', 'api') },
  // Not another type: each type's descriptor stands alone in the table.
  { from: { element: { type: 'integration' } }, allow: to('integration-registry', 'shared', 'spec-form', 'api') },
  { from: { element: { type: 'spec-form' } }, allow: to('shared', 'api') },
  { from: { element: { type: 'shared' } }, allow: to('api') },
  // api/ (the contract, the fetch wrapper, query options) imports nothing of the UI: no allow entry.
  // Test support renders the real app, so it may import anything; only tests and test support may import it.
  { from: { file: { categories: 'test-support' } }, allow: { to: { module: { origin: 'local' } } } },
  { from: { file: { categories: 'test' } }, allow: { to: { file: { categories: 'test-support' } } } },
  {
    from: { file: { categories: 'source' } },
    disallow: { to: { file: { categories: 'test-support' } } },
    message: 'Only tests import test support (shared/testing, api/mock-fetch, spec-form/test-fixtures).',
  },
];

export const layersConfig = {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': elements,
    'boundaries/files': files,
    'boundaries/legacy-templates': false,
    'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    'import/resolver': { typescript: { project: 'tsconfig.json' } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        // A file outside src/ belongs to no element and is refused too; a new folder in src/ is `root`, which imports nothing.
        checkUnknownLocals: true,
        message:
          'Layers: {{ from.element.path }} may not import {{ dependency.source }}{{#if to.element.path}} ({{ to.element.path }}){{/if}}. Imports point down: app -> pages -> features -> integrations -> shared/spec-form -> api; features never import each other. See README "Architecture".',
        policies,
      },
    ],
  },
};
