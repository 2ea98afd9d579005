import { readFile } from 'node:fs/promises';
import { build } from 'vite';
import { staticClosure, readManifest } from './lib/vite-manifest';
const outDir = '/tmp/bench-diag';
await build({ root: process.cwd(), logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true, sourcemap: 'hidden' } });
const manifest = await readManifest(outDir);
const files = staticClosure(manifest, ['index.html', 'src/features/integrations/integrations-page.tsx']);
const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digit = new Map([...base64].map((c, i) => [c, i]));
const dec = (s: string) => { const v: number[] = []; let x = 0, sh = 0; for (const c of s) { const b = digit.get(c) ?? 0; x += (b & 31) << sh; if (b & 32) { sh += 5; continue; } v.push(x & 1 ? -(x >>> 1) : x >>> 1); x = 0; sh = 0; } return v; };
const total: Record<string, number> = {};
for (const f of files) {
  const raw = await readFile(`${outDir}/${f}.map`, 'utf8').catch(() => null); if (!raw) continue; const map = JSON.parse(raw);
  const lines = (await readFile(`${outDir}/${f}`, 'utf8')).split('\n');
  let src = 0;
  map.mappings.split(';').forEach((line: string, li: number) => {
    let col = 0; const st: [number, number | null][] = [];
    for (const seg of line ? line.split(',').map(dec) : []) { col += seg[0] ?? 0; if (seg.length >= 4) { src += seg[1] ?? 0; st.push([col, src]); } else st.push([col, null]); }
    st.forEach(([c, s], i) => { const e = st[i + 1]?.[0] ?? (lines[li]?.length ?? 0); const k = s === null ? 'gen' : map.sources[s].replace(/.*node_modules\//, ''); total[k] = (total[k] ?? 0) + e - c; });
  });
}
const arg = process.argv[2] ?? '';
for (const [k, v] of Object.entries(total).filter(([k]) => k.includes(arg)).sort((a, b) => b[1] - a[1]).slice(0, 70)) console.log((v / 1024).toFixed(1), k);
