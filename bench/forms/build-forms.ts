import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { readManifest, type Manifest } from '../lib/vite-manifest';

export const formPages = ['engine', 'rjsf', 'plain'] as const;
export type FormPage = (typeof formPages)[number];

const formsRoot = dirname(fileURLToPath(import.meta.url));

/**
 * The three form pages as one production build of their own (root `bench/forms`, no project vite.config), so the
 * app's config stays untouched and shared libraries (React, MUI) land in shared chunks exactly as a real app would.
 */
export async function buildFormPages(): Promise<{ outDir: string; manifest: Manifest; ms: number }> {
  const outDir = await mkdtemp(join(tmpdir(), 'qualytics-bench-forms-'));
  const started = performance.now();
  await build({
    root: formsRoot,
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: Object.fromEntries(formPages.map((page) => [page, join(formsRoot, `${page}.html`)])) },
    },
  });
  return { outDir, manifest: await readManifest(outDir), ms: performance.now() - started };
}
