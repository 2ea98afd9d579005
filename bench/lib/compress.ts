import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface CompressedSize {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Sizes as a server would send them: gzip level 9 and brotli quality 11, the usual static-asset settings. */
export function compressedSize(content: Buffer): CompressedSize {
  return {
    raw: content.byteLength,
    gzip: gzipSync(content, { level: 9 }).byteLength,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

export async function fileSize(path: string): Promise<CompressedSize> {
  return compressedSize(await readFile(path));
}

export function sumSizes(sizes: readonly CompressedSize[]): CompressedSize {
  return sizes.reduce(
    (total, size) => ({
      raw: total.raw + size.raw,
      gzip: total.gzip + size.gzip,
      brotli: total.brotli + size.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

export const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
