import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import config from '../vite.config';
import * as standIn from '../src/app/theme/emotion-insertion';

const emotionHook = '@emotion/use-insertion-effect-with-fallbacks';

describe("Emotion's insertion hook, replaced in the build", () => {
  it('is aliased to the stand-in that inserts while rendering', () => {
    const alias = (config.resolve?.alias ?? {}) as Record<string, string>;
    expect(alias[emotionHook]).toBe(fileURLToPath(new URL('../src/app/theme/emotion-insertion.ts', import.meta.url)));
  });

  it('runs the insertion at once, inside the render that asks for it', () => {
    const insert = vi.fn();
    standIn.useInsertionEffectAlwaysWithSyncFallback(insert);
    expect(insert).toHaveBeenCalledTimes(1);
  });

  it("offers every export Emotion's own module has (an Emotion upgrade that adds one fails here)", async () => {
    // By its file: the bare name resolves to the stand-in here too.
    const file = new URL(
      '../node_modules/@emotion/use-insertion-effect-with-fallbacks/dist/emotion-use-insertion-effect-with-fallbacks.browser.esm.js',
      import.meta.url,
    ).href;
    const emotionOwn = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    expect(Object.keys(emotionOwn).length).toBeGreaterThan(0);
    expect(Object.keys(standIn).sort()).toEqual(Object.keys(emotionOwn).sort());
    // And Emotion's browser build still imports only those.
    const styledBase = readFileSync(
      new URL('../node_modules/@emotion/styled/base/dist/emotion-styled-base.browser.esm.js', import.meta.url),
      'utf8',
    );
    expect(styledBase).toContain(`import { useInsertionEffectAlwaysWithSyncFallback } from '${emotionHook}'`);
  });
});
