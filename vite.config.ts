/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { chunkGroups } from './scripts/vite-chunk-groups.js';
import { plainMuiTheme } from './scripts/vite-plain-mui-theme.js';
import { precompress } from './scripts/vite-precompress.js';
import { routePreload } from './scripts/vite-route-preload.js';

/** What the integrations catalog (and the Connect step) reads first. */
const landingReads = ['/api/integrations-specifications', '/api/integrations', '/api/users/me'];

const apiTarget = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;

export default defineConfig({
  plugins: [
    react(),
    // Material's themes without the CSS-variables builder, which the console's plain themes never use: see the file.
    plainMuiTheme(),
    // The page chunks of each route (src/app/routes.tsx), preloaded from the HTML, and the reads of its first render
    // (the route's prefetch and what its page asks for at once), started there too; '/' redirects to /integrations.
    routePreload([
      ['/', 'integrations-page', landingReads],
      ['/integrations', 'integrations-page', landingReads],
      // The wizard's first step shows the integration's help (a lazy part of its descriptor) at once: each type's
      // wizard preloads its own help (the first matching row wins), a new type adds its row here.
      ['/integrations/pagerduty/connect', ['setup-wizard-page', 'pagerduty-help'], landingReads],
      ['/integrations/*/connect', 'setup-wizard-page', landingReads],
      [
        '/integrations/*',
        'integration-settings-page',
        [
          '/api/integrations-specifications',
          '/api/integrations/$1',
          '/api/users/me',
          '/api/notifications/deliveries?kind=validation&status=delivered&integration_id=$1&limit=1',
        ],
      ],
      ['/flows', 'flows-page', ['/api/flows', '/api/users/me']],
      [
        '/flows/*',
        'flow-detail-page',
        [
          '/api/flows/$1',
          '/api/action-notification-specifications',
          '/api/flows/actions/notification/tokens',
          '/api/integrations',
          '/api/users/me',
          '/api/flows/$1/executions?limit=10',
        ],
      ],
      ['/deliveries', 'deliveries-page', ['/api/notifications/deliveries?limit=50', '/api/flows', '/api/users/me']],
    ]),
    precompress(),
  ],
  resolve: {
    alias: {
      // Emotion inserts styles while rendering (time-sliced) rather than in the commit: see the file.
      '@emotion/use-insertion-effect-with-fallbacks': fileURLToPath(
        new URL('./src/app/theme/emotion-insertion.ts', import.meta.url),
      ),
      // React's own useSyncExternalStore for wouter, without the React 17 fallback: see the file.
      'use-sync-external-store/shim/index.js': fileURLToPath(
        new URL('./src/app/sync-external-store.ts', import.meta.url),
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
    // Every browser the console supports preloads modules itself (Chromium 66, Firefox 115, Safari 17): the polyfill
    // only added script to the first paint. Where it is missing, a preload is skipped and the import still loads.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      treeshake: {
        // UI modules only declare components and helpers: one a page does not use stays out of its chunks, even
        // when it is re-exported by a feature's index (the wizard imports the editor, not the flows table).
        moduleSideEffects: [
          // The few that act when loaded: the history that blocks leaving, the session's auth hook, zod's config.
          {
            test: /\/src\/(shared\/navigation\/blockable-history|shared\/session\/token-store|api\/contract\/zod)\.ts$/,
            sideEffects: true,
          },
          { test: /\/src\/(features|pages|spec-form|integrations|shared|api)\//, sideEffects: false },
          // Emotion imports it bare (its package is CommonJS, so Rolldown keeps it) for a `withTheme` the console never
          // calls; it only defines a function.
          { test: /[\\/]node_modules[\\/]hoist-non-react-statics[\\/]/, sideEffects: false },
        ],
      },
      output: {
        // Rolldown may name a chunk after every module or page it serves (`a~b~c~…`): the first name and the hash
        // say enough.
        chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js`,
        codeSplitting: {
          // The shell, then a few shared files per route (see the file: round trips on a slow phone).
          groups: chunkGroups(new URL('./', import.meta.url)),
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
