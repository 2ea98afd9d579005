import { describe, expect, it } from 'vitest';
import { chunkGroups, usedFromBarrel } from './vite-chunk-groups';

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

describe('usedFromBarrel', () => {
  it('follows only the re-exports an importer names, through `as` on either side', () => {
    expect(usedFromBarrel(importer('import { ActionEditor } from "../../features/flows";'), barrel)).toEqual([
      '/repo/src/features/flows/action-editor.tsx',
    ]);
    expect(
      usedFromBarrel(importer("import { rows as r, ActionEditor } from '../../features/flows/index';"), barrel),
    ).toEqual(['/repo/src/features/flows/flows-table.tsx', '/repo/src/features/flows/action-editor.tsx']);
  });

  it('cannot tell, so the whole barrel counts, for a namespace import, `export *` or a name it does not re-export', () => {
    expect(usedFromBarrel(importer('import * as flows from "../../features/flows";'), barrel)).toBeNull();
    expect(usedFromBarrel(importer('import { Missing } from "../../features/flows";'), barrel)).toBeNull();
    const star = { ...barrel, code: 'export * from "./action-editor";' };
    expect(usedFromBarrel(importer('import { ActionEditor } from "../../features/flows";'), star)).toBeNull();
    expect(usedFromBarrel(importer('import { x } from "../other";'), barrel)).toBeNull();
  });
});

describe('chunkGroups', () => {
  // A module graph the way Rolldown reports it: ids, importers and what each imports.
  const root = new URL('file:///repo/');
  const page = '/repo/src/pages/integrations-page.tsx';
  const mui = (path: string) => `/repo/node_modules/@mui/material/${path}`;
  const graph: Record<string, { isEntry?: boolean; imports: string[] }> = {
    '/repo/src/main.tsx': { isEntry: true, imports: [] },
    [page]: { imports: [mui('Box/index.mjs')] },
    [mui('Box/index.mjs')]: { imports: [mui('styles/index.mjs')] },
    // The theme's high-contrast styles import every input's classes, and those import the input's barrel.
    [mui('styles/index.mjs')]: { imports: [mui('FilledInput/filledInputClasses.mjs')] },
    [mui('FilledInput/filledInputClasses.mjs')]: { imports: [mui('InputBase/index.mjs')] },
    [mui('InputBase/index.mjs')]: { imports: [mui('InputBase/InputBase.mjs'), mui('InputBase/inputBaseClasses.mjs')] },
    [mui('InputBase/InputBase.mjs')]: { imports: [] },
    [mui('InputBase/inputBaseClasses.mjs')]: { imports: [] },
  };
  const ctx = {
    getModuleInfo: (id: string) => {
      const module = graph[id];
      if (!module) return null;
      return {
        code: '',
        isEntry: !!module.isEntry,
        importedIds: module.imports,
        dynamicallyImportedIds: id === '/repo/src/main.tsx' ? [page] : [],
        importers: Object.keys(graph).filter((other) => graph[other]!.imports.includes(id)),
      };
    },
  };
  const shellOf = (id: string) => chunkGroups(root)[0]!.name(id, ctx);

  it("puts the landing page's imports in the shell, but not a component reached only for its class names", () => {
    expect(shellOf(mui('Box/index.mjs'))).toBe('shell');
    expect(shellOf(mui('InputBase/inputBaseClasses.mjs'))).toBe('shell');
    // The forms' input stays with the forms: the catalog never renders one.
    expect(shellOf(mui('InputBase/InputBase.mjs'))).toBeNull();
  });
});
