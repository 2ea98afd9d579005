import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { readManifest, type Manifest } from './vite-manifest';

export interface AppBuild {
  outDir: string;
  manifest: Manifest;
  ms: number;
}

/** `vite build` of the console with the project's own vite.config.ts, into a temp folder, plus its manifest. */
export async function buildApp(projectRoot: string): Promise<AppBuild> {
  const outDir = await mkdtemp(join(tmpdir(), 'qualytics-bench-app-'));
  const started = performance.now();
  await build({
    root: projectRoot,
    logLevel: 'warn',
    mode: 'production',
    // Hidden sourcemaps: the shipped files stay byte-identical, and the maps tell which package each byte is from.
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: 'hidden' },
  });
  return { outDir, manifest: await readManifest(outDir), ms: performance.now() - started };
}
