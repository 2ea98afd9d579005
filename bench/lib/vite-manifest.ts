import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

export async function readManifest(outDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The files a chunk pulls in before it runs: itself, its static imports (transitively) and their CSS. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return [...files];
}

/** Which source module (manifest key) produced a built file, for readable chunk lists. */
export function sourceOf(manifest: Manifest, file: string): string {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.file === file);
  return entry ? (entry[1].src ?? entry[0]) : file;
}
