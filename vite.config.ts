/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';
import { routePreload } from './scripts/vite-route-preload.js';

type ModuleInfoOf = (id: string) => { isEntry: boolean; importers: readonly string[] } | null;
const entryGraph = new Map<string, boolean>();
/** Whether a module is reached from the entry by static imports alone (it then runs before the first paint anyway). */
function inEntryGraph(id: string, info: ModuleInfoOf, visiting = new Set<string>()): boolean {
  const known = entryGraph.get(id);
  if (known !== undefined) return known;
  if (visiting.has(id)) return false;
  visiting.add(id);
  const module = info(id);
  const result =
    !!module && (module.isEntry || module.importers.some((importer) => inEntryGraph(importer, info, visiting)));
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
  server: {
    // `npm run dev`: the SPA with hot reload, /api proxied to the reference server.
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
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
