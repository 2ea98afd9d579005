import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTheme, type Theme, type ThemeOptions } from '@mui/material/styles';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../vite.config';
import { themeOptions } from '../src/app/theme/theme';
import { createThemeSpecifier, noVarsFile, plainMuiTheme, standInId, standInSource } from './vite-plain-mui-theme';

type CreateTheme = (options?: ThemeOptions | { cssVariables?: boolean; colorSchemes?: object }) => Theme;

// The stand-in as the build has it, imported from a file: its one import is Material's plain builder, by path.
const dir = mkdtempSync(join(tmpdir(), 'plain-mui-theme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
async function standIn(): Promise<CreateTheme> {
  const file = join(dir, 'create-theme.mjs');
  writeFileSync(file, standInSource(pathToFileURL(noVarsFile).href));
  return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: CreateTheme }).default;
}

/** A theme as data: functions by name and arity (two builds of a theme never share function objects). */
const shape = (theme: Theme) =>
  JSON.parse(
    JSON.stringify(theme, (_key, value: unknown) =>
      typeof value === 'function' ? `fn ${value.name}/${value.length}` : value,
    ),
  ) as unknown;

const plugin = plainMuiTheme();
const resolve = (source: string, importer?: string) =>
  (plugin.resolveId as (source: string, importer?: string) => string | null)(source, importer);
const materialStyles = (file: string) => join(noVarsFile, '..', file);

describe("Material's createTheme without the CSS-variables builder", () => {
  it('builds the same themes as Material: its default, and the console light and dark', async () => {
    const plain = await standIn();
    expect(shape(plain())).toEqual(shape(createTheme()));
    for (const scheme of ['light', 'dark'] as const) {
      expect(shape(plain(themeOptions(scheme)))).toEqual(shape(createTheme(themeOptions(scheme))));
    }
  });

  it('fails loudly when asked for CSS variables or colour schemes, which it leaves out', async () => {
    const plain = await standIn();
    expect(() => plain({ cssVariables: true })).toThrow(/plain themes only/);
    expect(() => plain({ colorSchemes: { dark: true } })).toThrow(/plain themes only/);
  });

  it("replaces createTheme for Material's style modules only, in the build", () => {
    expect(plugin.apply).toBe('build');
    expect(resolve(createThemeSpecifier, materialStyles('defaultTheme.mjs'))).toBe(standInId);
    expect(resolve(createThemeSpecifier, materialStyles('index.mjs'))).toBe(standInId);
    // @mui/system has a createTheme of its own, which the plain builder itself uses.
    const systemIndex = join(noVarsFile, '..', '..', '..', 'system', 'createTheme', 'index.mjs');
    expect(resolve(createThemeSpecifier, systemIndex)).toBeNull();
    expect(resolve(createThemeSpecifier, '/work/src/app/theme/theme.ts')).toBeNull();
    expect(config.plugins?.flat().some((entry) => entry && 'name' in entry && entry.name === plugin.name)).toBe(true);
  });

  it('still matches how Material imports it (an upgrade that renames the file fails here)', () => {
    for (const file of ['defaultTheme.mjs', 'index.mjs']) {
      expect(readFileSync(materialStyles(file), 'utf8')).toContain(`from "${createThemeSpecifier}"`);
    }
    expect(readFileSync(noVarsFile, 'utf8')).toContain('export default createThemeNoVars');
  });
});
