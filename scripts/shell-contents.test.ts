import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real build, once: which modules the shell (the entry chunk every page loads first) holds, by its source map.
const outDir = mkdtempSync(join(tmpdir(), 'shell-contents-'));
let sources: string[] = [];
let entryCode = '';
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
  entryCode = readFileSync(join(outDir, 'assets', entry), 'utf8');
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

  it("leaves out the inputs' class names and Stack, which a package index with a function of its own pulled in", () => {
    // Material's styles index (and MUI System's) declares `experimental_sx`; read whole, it reached every
    // `*Classes` module of the high-contrast helper and, through `export *`, Stack.
    expect(holds('@mui/material/InputBase/inputBaseClasses.mjs')).toBe(false);
    expect(holds('@mui/material/MenuItem/menuItemClasses.mjs')).toBe(false);
    expect(holds('@mui/system/Stack/createStack.mjs')).toBe(false);
  });

  it('leaves out what the catalog of healthy keys never runs', () => {
    // The route spinner is a styled ring (src/shared/page-loading.tsx), not CircularProgress.
    expect(holds('@mui/material/CircularProgress/CircularProgress.mjs')).toBe(false);
    // Verify key loads with a failing card's way out (src/features/delivery-health/key-way-out.tsx).
    expect(holds('@tanstack/query-core/build/modern/mutationObserver.js')).toBe(false);
    expect(holds('src/features/delivery-health/use-verify-key.ts')).toBe(false);
    // wouter gets React's own useSyncExternalStore (src/app/sync-external-store.ts), not the React 17 shim.
    expect(holds('use-sync-external-store/cjs/use-sync-external-store-shim')).toBe(false);
  });

  it('has no module-preload polyfill (every supported browser preloads modules itself)', () => {
    // The polyfill walks the page's preload links itself (Vite's preload helper only picks the link's rel).
    expect(entryCode).not.toMatch(/querySelectorAll\(\s*[`'"]link\[rel="?modulepreload/);
  });

  it('leaves out hoist-non-react-statics, which Emotion imports bare for a withTheme the console never calls', () => {
    expect(holds('hoist-non-react-statics')).toBe(false);
  });
});
