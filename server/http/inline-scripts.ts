import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/**
 * CSP sources (`'sha256-…'`) for the inline scripts of an HTML page: the built index.html runs two small scripts
 * before the app (zod's no-eval switch and the route preload, inline so that neither costs a round trip on a slow
 * phone). A script with `src` is covered by 'self'. Hashing exactly these lets them run and nothing else inline.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * The hashes of the served index.html, read again when the file changes (a build while the server runs); none when
 * there is no built SPA.
 */
export function indexScriptHashes(indexFile: string | null): () => readonly string[] {
  let seen: { mtimeMs: number; size: number; hashes: string[] } | undefined;
  return () => {
    if (!indexFile) return [];
    try {
      const { mtimeMs, size } = statSync(indexFile);
      if (!seen || seen.mtimeMs !== mtimeMs || seen.size !== size)
        seen = { mtimeMs, size, hashes: inlineScriptHashes(readFileSync(indexFile, 'utf8')) };
      return seen.hashes;
    } catch {
      return [];
    }
  };
}
