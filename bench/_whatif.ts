import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { staticClosure, readManifest } from './lib/vite-manifest';

const stubs: Record<string, Record<string, string>> = {
  baseline: {},
  noTooltip: { '@mui/material/Tooltip': 'export default function T(p){return p.children}' },
  lazyMenuDialog: {
    '@mui/material/Menu': 'export default function M(){return null}',
    '@mui/material/MenuItem': 'export default function M(){return null}',
    './disconnect-dialog': 'export function DisconnectDialog(){return null}',
  },
  noSnackbar: { '@mui/material/Snackbar': 'export default function S(){return null}' },
  noMarkdown: { 'react-markdown': 'export default function M(p){return p.children}' },
  all: {
    '@mui/material/Tooltip': 'export default function T(p){return p.children}',
    '@mui/material/Menu': 'export default function M(){return null}',
    '@mui/material/MenuItem': 'export default function M(){return null}',
    './disconnect-dialog': 'export function DisconnectDialog(){return null}',
    '@mui/material/Snackbar': 'export default function S(){return null}',
    'react-markdown': 'export default function M(p){return p.children}',
  },
};
const variant = process.argv[2] ?? 'baseline';
const table = stubs[variant] ?? {};
const plugin: Plugin = {
  name: 'whatif',
  enforce: 'pre',
  resolveId(id) {
    return id in table ? `\0stub:${id}` : null;
  },
  load(id) {
    return id.startsWith('\0stub:') ? table[id.slice(6)] : null;
  },
};
const outDir = `/tmp/whatif-${variant}`;
await build({
  root: process.cwd(),
  logLevel: 'error',
  plugins: [plugin],
  build: { outDir, emptyOutDir: true, manifest: true },
});
const manifest = await readManifest(outDir);
for (const [name, key] of [
  ['integrations', 'src/features/integrations/integrations-page.tsx'],
  ['wizard', 'src/pages/setup-wizard-page.tsx'],
]) {
  const files = staticClosure(manifest, ['index.html', key as string]);
  let gz = 0;
  for (const f of files) gz += gzipSync(await readFile(`${outDir}/${f}`), { level: 9 }).byteLength;
  console.log(variant, name, (gz / 1024).toFixed(1), 'KB gzip');
}
