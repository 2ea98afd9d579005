import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real build, once: which modules the shell (the entry chunk every page loads first) holds, by its source map.
const outDir = mkdtempSync(join(tmpdir(), 'shell-contents-'));
let sources: string[] = [];
beforeAll(async () => {
  // Vitest runs with NODE_ENV=test, which would make Vite build React's development files.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'silent',
    mode: 'production',
    build: { outDir, emptyOutDir: true, sourcemap: 'hidden' },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)![1]!;
  expect(readdirSync(join(outDir, 'assets'))).toContain(`${entry}.map`);
  sources = (JSON.parse(readFileSync(join(outDir, 'assets', `${entry}.map`), 'utf8')) as { sources: string[] }).sources;
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const holds = (path: string) => sources.some((source) => source.includes(path));

describe('the shell of the built console', () => {
  it('holds what the catalog renders with', () => {
    expect(holds('react-dom/cjs/react-dom-client.production.js')).toBe(true);
    expect(holds('@mui/material/styles/createThemeNoVars.mjs')).toBe(true);
    expect(holds('@mui/material/Card/Card.mjs')).toBe(true);
    expect(holds('@tanstack/react-query/build/modern/useQuery.js')).toBe(true);
    expect(holds('src/features/integrations/integration-card.tsx')).toBe(true);
  });

  it("leaves out Material's CSS-variables theme builder (plain themes: scripts/vite-plain-mui-theme.ts)", () => {
    expect(holds('@mui/material/styles/createThemeWithVars.mjs')).toBe(false);
    expect(holds('@mui/system/cssVars/prepareCssVars.mjs')).toBe(false);
  });

  it('leaves out what only a barrel re-exports for another route (scripts/vite-chunk-groups.ts)', () => {
    // The theme reaches the inputs' barrels for their class names only.
    expect(holds('@mui/material/InputBase/InputBase.mjs')).toBe(false);
    // react-query's index offers these; only the deliveries log and the flow page use them.
    expect(holds('@tanstack/react-query/build/modern/useQueries.js')).toBe(false);
    expect(holds('@tanstack/query-core/build/modern/queriesObserver.js')).toBe(false);
  });

  it('leaves out hoist-non-react-statics, which Emotion imports bare for a withTheme the console never calls', () => {
    expect(holds('hoist-non-react-statics')).toBe(false);
  });
});
