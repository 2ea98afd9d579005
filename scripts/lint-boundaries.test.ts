import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rule (eslint.layers.js) run through the repo's own ESLint config on code placed at real paths under
 * src/: each import resolves to a real file, so this proves the rule judges files, not import strings.
 */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

/** The layer-rule messages ESLint gives a module at `filePath` that imports `source`. */
async function layerErrors(filePath: string, source: string, { dynamic = false } = {}) {
  const code = dynamic
    ? `export const load = () => import('${source}');\n`
    : `import * as imported from '${source}';\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // Any other complaint would mean the sample itself is wrong, which would make a pass meaningless.
  expect(messages.filter((message) => !message.ruleId?.startsWith('boundaries/'))).toEqual([]);
  return messages.map((message) => message.message);
}

describe('layer boundaries', () => {
  it('refuses a feature importing a sibling feature, by relative path or through its index', async () => {
    const sibling = await layerErrors('src/features/flow-actions/sample.ts', '../integrations/use-integration-spec');
    expect(sibling).toEqual([expect.stringMatching(/src\/features\/flow-actions may not import/)]);
    expect(await layerErrors('src/features/test-notification/sample.ts', '../flow-actions')).toHaveLength(1);
  });

  it('refuses upward imports: feature -> page, shared -> feature, page -> app, api -> shared', async () => {
    expect(await layerErrors('src/features/flow-actions/sample.ts', '../../pages/flows-page')).toHaveLength(1);
    expect(await layerErrors('src/shared/sample.ts', '../features/flow-actions')).toHaveLength(1);
    expect(await layerErrors('src/pages/sample.ts', '../app/routes', { dynamic: true })).toHaveLength(1);
    expect(await layerErrors('src/api/queries/sample.ts', '../../shared/notifier')).toHaveLength(1);
    expect(await layerErrors('src/spec-form/sample.ts', '../features/integrations')).toHaveLength(1);
  });

  it('keeps integration types below the features', async () => {
    expect(await layerErrors('src/integrations/example/sample.ts', '../../features/flow-actions')).toHaveLength(1);
  });

  it('keeps test support out of shipped code', async () => {
    const helper = '../../shared/testing/render-with-providers';
    expect(await layerErrors('src/features/flow-actions/sample.ts', helper)).toEqual([
      expect.stringMatching(/Only tests import test support/),
    ]);
    expect(await layerErrors('src/features/flow-actions/sample.test.ts', helper)).toEqual([]);
  });

  it('allows imports that point down', async () => {
    expect(await layerErrors('src/features/flow-actions/sample.ts', '../../shared/notifier')).toEqual([]);
    expect(await layerErrors('src/features/flow-actions/sample.ts', '../../spec-form')).toEqual([]);
    expect(await layerErrors('src/pages/sample.ts', '../features/flow-actions')).toEqual([]);
    expect(await layerErrors('src/app/sample.ts', '../pages/flows-page', { dynamic: true })).toEqual([]);
    expect(await layerErrors('src/shared/sample.ts', '../api/queries')).toEqual([]);
    expect(await layerErrors('src/api/queries/sample.ts', '../contract')).toEqual([]);
  });
});
