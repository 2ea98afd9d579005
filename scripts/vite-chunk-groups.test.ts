import { describe, expect, it } from 'vitest';
import { barrelTargets, chunkGroups, importedNames, isBarrel, ownFunctions } from './vite-chunk-groups';

const barrel = {
  id: '/repo/src/features/flows/index.ts',
  code: [
    'export { ActionEditor } from "./action-editor";',
    "export { FlowsTable, flowRows as rows } from './flows-table';",
    'export { useDrawer } from "./drawer";',
  ].join('\n'),
  importedIds: [
    '/repo/src/features/flows/action-editor.tsx',
    '/repo/src/features/flows/flows-table.tsx',
    '/repo/src/features/flows/drawer.tsx',
  ],
};
const importer = (code: string) => ({ id: '/repo/src/pages/wizard/step.tsx', code, importedIds: [barrel.id] });

describe('isBarrel', () => {
  it('is a module of imports and exports only, as source and as packages write them', () => {
    expect(isBarrel(barrel.code)).toBe(true);
    expect(
      isBarrel('"use client";\n// src/index.ts\nimport { a } from "./a.js";\nexport * from "x";\nexport { a };'),
    ).toBe(true);
    expect(isBarrel('export * as flows from "./flows";')).toBe(true);
  });

  it('is a package index that declares a function beside its re-exports, even with a URL in a string', () => {
    const code = [
      "export * from './Box/index.mjs';",
      '// TODO: remove in v6',
      'export function experimental_sx() {',
      "  throw new Error('moved: see https://github.com/mui/material-ui/pull/35150. {');",
      '}',
    ].join('\n');
    expect(isBarrel(code)).toBe(true);
    expect(ownFunctions(code).names).toEqual(['experimental_sx']);
    expect(isBarrel(`${code}\nexport const b = 1;`)).toBe(false);
  });

  it('is not a module that does anything else, or exports nothing', () => {
    expect(isBarrel('import { a } from "./a";\nexport const b = a + 1;')).toBe(false);
    expect(isBarrel('import "./polyfill";\nexport { a } from "./a";')).toBe(false);
    expect(isBarrel('import { a } from "./a";')).toBe(false);
    expect(isBarrel(null)).toBe(false);
  });
});

describe('importedNames', () => {
  it("counts what a module read whole re-exports of a barrel (Material's zero-styled: `export { css } from`)", () => {
    const system = { id: '/repo/node_modules/@mui/system/index.mjs', code: '', importedIds: [] };
    const zeroStyled = (code: string) => ({
      id: '/repo/node_modules/@mui/material/zero-styled/index.mjs',
      code,
      importedIds: [system.id],
    });
    expect(importedNames(zeroStyled("export { css, keyframes as k } from '@mui/system';"), system)).toEqual([
      'css',
      'keyframes',
    ]);
    expect(importedNames(zeroStyled("export * from '@mui/system';"), system)).toBeNull();
  });

  it('reads the names an importer takes from a barrel, through `as`, default imports and package names', () => {
    expect(importedNames(importer('import { ActionEditor } from "../../features/flows";'), barrel)).toEqual([
      'ActionEditor',
    ]);
    expect(importedNames(importer("import { rows as r, type T } from '../../features/flows/index';"), barrel)).toEqual([
      'rows',
    ]);
    const pkg = { id: '/repo/node_modules/@mui/material/Box/index.mjs', code: '', importedIds: [] };
    const app = (code: string) => ({ id: '/repo/src/app/a.tsx', code, importedIds: [pkg.id] });
    expect(importedNames(app('import Box from "@mui/material/Box";'), pkg)).toEqual(['default']);
    expect(importedNames(app('import Box, { boxClasses } from "@mui/material/Box";'), pkg)).toEqual([
      'default',
      'boxClasses',
    ]);
  });

  it('cannot tell, so the whole barrel counts, for a namespace import or an import it does not find', () => {
    expect(importedNames(importer('import * as flows from "../../features/flows";'), barrel)).toBeNull();
    expect(importedNames(importer('import { x } from "../other";'), barrel)).toBeNull();
    expect(importedNames({ ...importer(''), code: null }, barrel)).toBeNull();
  });
});

describe('barrelTargets', () => {
  it('follows only the modules behind the names wanted, through `as` on either side', () => {
    expect(barrelTargets(barrel, ['ActionEditor'])).toEqual([
      ['/repo/src/features/flows/action-editor.tsx', ['ActionEditor']],
    ]);
    // Each module is asked for the name it exports it under.
    expect(barrelTargets(barrel, ['rows', 'ActionEditor'])).toEqual([
      ['/repo/src/features/flows/flows-table.tsx', ['flowRows']],
      ['/repo/src/features/flows/action-editor.tsx', ['ActionEditor']],
    ]);
  });

  it("follows a package index's imports and export list, and names it does not bind into its `export *`", () => {
    const index = {
      id: '/repo/node_modules/@tanstack/react-query/build/modern/index.js',
      code: [
        'import { useQueries } from "./useQueries.js";',
        'import { useQuery as query } from "./useQuery.js";',
        'export * from "@tanstack/query-core";',
        'export { query as useQuery, useQueries };',
      ].join('\n'),
      importedIds: [
        '/repo/node_modules/@tanstack/react-query/build/modern/useQueries.js',
        '/repo/node_modules/@tanstack/react-query/build/modern/useQuery.js',
        '/repo/node_modules/@tanstack/query-core/build/modern/index.js',
      ],
    };
    expect(barrelTargets(index, ['useQuery', 'QueryClient', 'skipToken'])).toEqual([
      ['/repo/node_modules/@tanstack/react-query/build/modern/useQuery.js', ['useQuery']],
      ['/repo/node_modules/@tanstack/query-core/build/modern/index.js', ['QueryClient', 'skipToken']],
    ]);
    // A barrel behind a barrel is followed by name too; the names it does not export go nowhere of their own.
    expect(barrelTargets({ ...index, code: 'export * as core from "@tanstack/query-core";' }, ['core'])).toEqual([
      ['/repo/node_modules/@tanstack/query-core/build/modern/index.js', null],
    ]);
  });

  it('tells a default import from a namespace import in the same statement', () => {
    const box = {
      id: '/repo/node_modules/@mui/material/Box/index.mjs',
      code: 'import Box, * as all from "./Box.mjs";\nexport { Box as default, all };',
      importedIds: ['/repo/node_modules/@mui/material/Box/Box.mjs'],
    };
    expect(barrelTargets(box, ['default'])).toEqual([['/repo/node_modules/@mui/material/Box/Box.mjs', ['default']]]);
    expect(barrelTargets(box, ['all'])).toEqual([['/repo/node_modules/@mui/material/Box/Box.mjs', null]]);
  });

  it('cannot tell for a module it cannot find', () => {
    expect(barrelTargets({ ...barrel, importedIds: [] }, ['ActionEditor'])).toBeNull();
  });

  it("sends a name it does not have nowhere: it was asked of every `export *` in front (MUI System's Stack index)", () => {
    expect(barrelTargets(barrel, ['Missing'])).toEqual([]);
    expect(barrelTargets(barrel, ['Missing', 'useDrawer'])).toEqual([
      ['/repo/src/features/flows/drawer.tsx', ['useDrawer']],
    ]);
  });

  it("wants the whole module for a function it declares itself (Material's `experimental_sx`)", () => {
    const styles = {
      id: '/repo/node_modules/@mui/material/styles/index.mjs',
      code: [
        'import _formatErrorMessage from "@mui/utils/formatMuiErrorMessage";',
        'export { default as createTheme } from "./createTheme.mjs";',
        'export function experimental_sx() {',
        "  throw new Error(process.env.NODE_ENV !== 'production' ? 'see https://github.com/mui/pull/1 }' : _formatErrorMessage(19));",
        '}',
      ].join('\n'),
      importedIds: [
        '/repo/node_modules/@mui/utils/formatMuiErrorMessage/index.mjs',
        '/repo/node_modules/@mui/material/styles/createTheme.mjs',
      ],
    };
    expect(barrelTargets(styles, ['createTheme'])).toEqual([
      ['/repo/node_modules/@mui/material/styles/createTheme.mjs', ['default']],
    ]);
    expect(barrelTargets(styles, ['experimental_sx'])).toBeNull();
  });

  it("finds a plugin's stand-in by the path it keeps after its `\\0name:` prefix", () => {
    const styles = {
      id: '/repo/node_modules/@mui/material/styles/index.mjs',
      code: 'export { default as createTheme } from "./createTheme.mjs";',
      importedIds: ['\0plain-mui-theme:/repo/node_modules/@mui/material/styles/createTheme.mjs'],
    };
    expect(barrelTargets(styles, ['createTheme'])).toEqual([
      ['\0plain-mui-theme:/repo/node_modules/@mui/material/styles/createTheme.mjs', ['default']],
    ]);
  });
});

describe('chunkGroups', () => {
  // A module graph the way Rolldown reports it: ids, code, importers and what each imports.
  const root = new URL('file:///repo/');
  const main = '/repo/src/main.tsx';
  const page = '/repo/src/pages/integrations-page.tsx';
  const log = '/repo/src/pages/deliveries-page.tsx';
  const mui = (path: string) => `/repo/node_modules/@mui/material/${path}`;
  const query = (path: string) => `/repo/node_modules/@tanstack/react-query/build/modern/${path}`;
  const graph: Record<string, { isEntry?: boolean; code?: string; imports: string[]; dynamic?: string[] }> = {
    [main]: {
      isEntry: true,
      code: 'import { QueryClientProvider } from "@tanstack/react-query";',
      imports: [query('index.js')],
      dynamic: [page, log],
    },
    [page]: { code: 'import Box from "@mui/material/Box";', imports: [mui('Box/index.mjs')] },
    [log]: { code: 'import { useQueries } from "@tanstack/react-query";', imports: [query('index.js')] },
    [mui('Box/index.mjs')]: {
      code: 'export { default } from "./Box.mjs";',
      imports: [mui('Box/Box.mjs')],
    },
    [mui('Box/Box.mjs')]: { code: 'import { styled } from "../styles/index.mjs";', imports: [mui('styles/index.mjs')] },
    // The theme's high-contrast styles import every input's classes, and those import the input's barrel.
    [mui('styles/index.mjs')]: {
      code: 'import "./filledInputClasses.mjs";',
      imports: [mui('FilledInput/filledInputClasses.mjs')],
    },
    [mui('FilledInput/filledInputClasses.mjs')]: {
      code: 'import { inputBaseClasses } from "../InputBase/index.mjs";',
      imports: [mui('InputBase/index.mjs')],
    },
    [mui('InputBase/index.mjs')]: {
      code: [
        'export { default } from "./InputBase.mjs";',
        'export { default as inputBaseClasses } from "./inputBaseClasses.mjs";',
        'export * from "./inputBaseClasses.mjs";',
      ].join('\n'),
      imports: [mui('InputBase/InputBase.mjs'), mui('InputBase/inputBaseClasses.mjs')],
    },
    [mui('InputBase/InputBase.mjs')]: { imports: [] },
    [mui('InputBase/inputBaseClasses.mjs')]: { imports: [] },
    [query('index.js')]: {
      code: [
        'import { QueryClientProvider } from "./QueryClientProvider.js";',
        'import { useQueries } from "./useQueries.js";',
        'export { QueryClientProvider, useQueries };',
      ].join('\n'),
      imports: [query('QueryClientProvider.js'), query('useQueries.js')],
    },
    [query('QueryClientProvider.js')]: { imports: [] },
    [query('useQueries.js')]: { imports: [] },
  };
  const ctx = {
    getModuleInfo: (id: string) => {
      const module = graph[id];
      if (!module) return null;
      return {
        code: module.code ?? '',
        isEntry: !!module.isEntry,
        importedIds: module.imports,
        dynamicallyImportedIds: module.dynamic ?? [],
        importers: Object.keys(graph).filter((other) => graph[other]!.imports.includes(id)),
      };
    },
  };
  const shellOf = (id: string) => chunkGroups(root)[0]!.name(id, ctx);

  it("puts the entry's and the landing page's imports in the shell, but not the landing page itself", () => {
    expect(shellOf(mui('Box/Box.mjs'))).toBe('shell');
    expect(shellOf(query('QueryClientProvider.js'))).toBe('shell');
    expect(shellOf(page)).toBeNull();
  });

  it('leaves out a component reached only for its class names', () => {
    expect(shellOf(mui('InputBase/inputBaseClasses.mjs'))).toBe('shell');
    // The forms' input stays with the forms: the catalog never renders one.
    expect(shellOf(mui('InputBase/InputBase.mjs'))).toBeNull();
  });

  it("leaves out what a package's index offers that only another route uses", () => {
    expect(shellOf(query('useQueries.js'))).toBeNull();
  });
});
