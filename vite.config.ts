/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';
import { routePreload } from './scripts/vite-route-preload.js';

type ModuleInfoOf = (id: string) => { isEntry: boolean; importers: readonly string[] } | null;
const entryGraph = new Map<string, boolean>();
const isClassesModule = (id: string) => /Classes\.mjs$/.test(id);
const isPackageBarrel = (id: string) => /node_modules\/.*\/index\.mjs$/.test(id);

/**
 * Whether `importer` pulls `id` into the entry's graph. MUI's `*Classes` modules import other components' barrels
 * only for their class names (the theme's high-contrast styles reach every input that way): through a barrel that
 * only such modules import, only the class names count, not the component.
 */
function edgeCounts(importer: string, id: string, info: ModuleInfoOf, visiting: Set<string>): boolean {
  if (!isPackageBarrel(importer) || isClassesModule(id)) return true;
  return (info(importer)?.importers ?? []).some(
    (outer) => !isClassesModule(outer) && inEntryGraph(outer, info, visiting),
  );
}

/** Whether a module is reached from the entry by static imports alone (it then runs before the first paint anyway). */
function inEntryGraph(id: string, info: ModuleInfoOf, visiting = new Set<string>()): boolean {
  const known = entryGraph.get(id);
  if (known !== undefined) return known;
  if (visiting.has(id)) return false;
  visiting.add(id);
  const module = info(id);
  const result =
    !!module &&
    (module.isEntry ||
      module.importers.some(
        (importer) => edgeCounts(importer, id, info, visiting) && inEntryGraph(importer, info, visiting),
      ));
  entryGraph.set(id, result);
  return result;
}

const apiTarget = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;

export default defineConfig({
  plugins: [
    react(),
    // The page chunks of each route (src/app/routes.tsx), preloaded from the HTML; '/' redirects to /integrations.
    routePreload([
      ['/', 'integrations-page'],
      ['/integrations', 'integrations-page'],
      ['/integrations/*/connect', 'setup-wizard-page'],
      ['/integrations/*', 'integration-settings-page'],
      ['/flows', 'flows-page'],
      ['/flows/*', 'flow-detail-page'],
    ]),
    precompress(),
  ],
  resolve: {
    alias: {
      // Emotion inserts styles while rendering (time-sliced) rather than in the commit: see the file.
      '@emotion/use-insertion-effect-with-fallbacks': fileURLToPath(
        new URL('./src/app/theme/emotion-insertion.ts', import.meta.url),
      ),
    },
  },
  server: {
    // `npm run dev`: the SPA with hot reload, /api proxied to the reference server.
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // UI modules only declare components and helpers: one a page does not use stays out of its chunks, even
        // when it is re-exported by a feature's index (the wizard imports the editor, not the flows table).
        moduleSideEffects: [{ test: /\/src\/(features|pages|spec-form|integrations)\//, sideEffects: false }],
      },
      output: {
        codeSplitting: {
          // Everything the entry imports statically, as one file: each extra file on the critical path costs a
          // request's overhead on a slow network, and one file compresses better than many.
          groups: [
            {
              debugName: 'shell',
              name: (id, ctx) => (inEntryGraph(id, (module) => ctx.getModuleInfo(module)) ? 'shell' : null),
            },
          ],
        },
      },
    },
  },
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/test/setup.ts'],
          css: false,
        },
      },
      {
        // Server tests open real sockets and SQLite files: plain Node, no DOM.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
    ],
  },
});
