import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What is worth compressing: text. Images and fonts are compressed formats already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;

export interface Precompressed {
  file: string;
  raw: number;
  br?: number;
  gz?: number;
}

/**
 * Brotli (quality 11) and gzip (level 9) of one file, written next to it as `<file>.br` and `<file>.gz`. A variant is
 * written only when it is smaller than the file: `@fastify/static` (`preCompressed`) serves a variant whenever it
 * exists, and a tiny file can grow when compressed.
 */
export async function precompressFile(path: string): Promise<Omit<Precompressed, 'file'>> {
  const content = await readFile(path);
  const [br, gz] = await Promise.all([
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
      },
    }),
    gzipAsync(content, { level: 9 }),
  ]);
  const result: Omit<Precompressed, 'file'> = { raw: content.byteLength };
  if (br.byteLength < content.byteLength) {
    await writeFile(`${path}.br`, br);
    result.br = br.byteLength;
  }
  if (gz.byteLength < content.byteLength) {
    await writeFile(`${path}.gz`, gz);
    result.gz = gz.byteLength;
  }
  return result;
}

/**
 * Writes `.br` and `.gz` beside every text file of the build (the hashed chunks and CSS, and index.html, which the
 * server's SPA fallback sends for deep links), so the server sends the smallest encoding the browser accepts without
 * compressing at request time. Build only; the dev server is untouched.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'qualytics:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(options, bundle) {
      const outDir = resolve(config.root, options.dir ?? config.build.outDir);
      const files = Object.keys(bundle).filter((file) => compressible.test(file));
      await Promise.all(files.map((file) => precompressFile(join(outDir, file))));
    },
  };
}
