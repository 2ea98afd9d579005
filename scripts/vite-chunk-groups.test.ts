import { describe, expect, it } from 'vitest';
import { usedFromBarrel } from './vite-chunk-groups';

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
