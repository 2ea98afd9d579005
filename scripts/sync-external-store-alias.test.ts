import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useSyncExternalStore } from 'react';
import { describe, expect, it } from 'vitest';
import config from '../vite.config';
import * as standIn from '../src/app/sync-external-store';

const shim = 'use-sync-external-store/shim/index.js';

describe("wouter's useSyncExternalStore shim, replaced", () => {
  it('is aliased to the stand-in', () => {
    const alias = (config.resolve?.alias ?? {}) as Record<string, string>;
    expect(alias[shim]).toBe(fileURLToPath(new URL('../src/app/sync-external-store.ts', import.meta.url)));
  });

  it("hands out React's own hook, which the shim hands back on React 18 and later", () => {
    expect(standIn.useSyncExternalStore).toBe(useSyncExternalStore);
    expect(Object.keys(standIn)).toEqual(['useSyncExternalStore']);
  });

  it('is what wouter still imports, by that name (a wouter upgrade that changes it fails here)', () => {
    const wouterDeps = readFileSync(
      new URL('../node_modules/wouter/src/use-sync-external-store.js', import.meta.url),
      'utf8',
    );
    expect(wouterDeps).toContain(`export { useSyncExternalStore } from "${shim}"`);
  });
});
