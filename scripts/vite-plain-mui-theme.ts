import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** What Material's style modules import `createTheme` as (its `styles/index`, `defaultTheme`, `ThemeProviderWithVars`). */
export const createThemeSpecifier = './createTheme.mjs';

/** Material's plain-theme builder: the file `createTheme` calls when CSS variables are off (not in its exports map). */
export const noVarsFile = join(
  dirname(createRequire(import.meta.url).resolve('@mui/material/package.json')),
  'styles',
  'createThemeNoVars.mjs',
);

/**
 * A virtual module that keeps the path of the file it stands for after its `\0name:` prefix, so the chunk walk
 * (vite-chunk-groups.ts) still finds it behind `styles/index`'s `export … from './createTheme.mjs'`.
 */
export const standInId = `\0plain-mui-theme:${join(dirname(noVarsFile), 'createTheme.mjs')}`;

const materialStyles = /[\\/]@mui[\\/]material[\\/]styles[\\/][^\\/]+\.mjs$/;

/**
 * `createTheme` as the console calls it (no `cssVariables`, no `colorSchemes`; see src/app/theme/theme.ts), and as
 * Material calls it for its default theme (no options): exactly Material's own first branch, the plain builder. A
 * call that asks for CSS variables or colour schemes would need the builder this leaves out, so it fails loudly.
 */
export const standInSource = (noVars: string) => `import createThemeNoVars from ${JSON.stringify(noVars)};
export default function createTheme(options = {}, ...args) {
  if (options.cssVariables || 'colorSchemes' in options) {
    throw new Error('This build of Material has plain themes only: see scripts/vite-plain-mui-theme.ts');
  }
  return createThemeNoVars(options, ...args);
}
`;

/**
 * Material's `createTheme` imports its CSS-variables theme builder (with the variables' parser and selectors) even
 * when a theme does not use them, and every Material component reaches `createTheme` through the default theme: about
 * 5 KB gzip of the first paint for nothing, as the console's two themes are plain. In the build, Material's own
 * modules get the plain builder instead. Dev (pre-bundled dependencies) and tests run Material unchanged;
 * `vite-plain-mui-theme.test.ts` checks the stand-in builds the same themes as Material's `createTheme`.
 */
export function plainMuiTheme(): Plugin {
  return {
    name: 'plain-mui-theme',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer) {
      if (source === createThemeSpecifier && importer && materialStyles.test(importer)) return standInId;
      return null;
    },
    load(id) {
      return id === standInId ? standInSource(noVarsFile) : null;
    },
  };
}
