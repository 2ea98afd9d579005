import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { preloadScript, routeChunks } from './vite-route-preload';

const chunk = (fileName: string, options: Partial<Rollup.OutputChunk> = {}) =>
  ({
    type: 'chunk',
    fileName,
    imports: [],
    isEntry: false,
    isDynamicEntry: false,
    facadeModuleId: null,
    ...options,
  }) as Rollup.OutputChunk;

/** An entry that imports react; two lazy pages sharing a chunk, one of them also using react. */
const bundle = {
  'assets/index.js': chunk('assets/index.js', { isEntry: true, imports: ['assets/react.js'] }),
  'assets/react.js': chunk('assets/react.js'),
  'assets/list-page.js': chunk('assets/list-page.js', {
    isDynamicEntry: true,
    facadeModuleId: '/repo/src/pages/list-page.tsx',
    imports: ['assets/card.js', 'assets/react.js'],
  }),
  'assets/detail-page.js': chunk('assets/detail-page.js', {
    isDynamicEntry: true,
    facadeModuleId: '/repo/src/features/x/detail-page.tsx',
    imports: ['assets/card.js', 'assets/form.js'],
  }),
  'assets/card.js': chunk('assets/card.js'),
  'assets/form.js': chunk('assets/form.js', { imports: ['assets/card.js'] }),
} as unknown as Rollup.OutputBundle;

/** Runs the generated script against a fake document at `pathname`; returns the hrefs it preloads. */
function preloadsAt(script: string, pathname: string): string[] {
  const links: { rel: string; href: string; crossOrigin: string | null }[] = [];
  const document = {
    createElement: () => ({ rel: '', href: '', crossOrigin: null }),
    head: { appendChild: (link: (typeof links)[number]) => links.push(link) },
  };
  new Function('document', 'location', script)(document, { pathname });
  expect(links.every((link) => link.rel === 'modulepreload' && link.crossOrigin === '')).toBe(true);
  return links.map((link) => link.href);
}

describe('route preload', () => {
  const routes = [
    ['/items', 'list-page'],
    ['/items/*', 'detail-page'],
  ] as const;

  it("lists each page's chunk and its static imports, without what the entry already loads", () => {
    const table = routeChunks(bundle, routes);
    expect(table.map(([, files]) => files)).toEqual([
      ['/assets/list-page.js', '/assets/card.js'],
      ['/assets/detail-page.js', '/assets/card.js', '/assets/form.js'],
    ]);
  });

  it('preloads the chunks of the route the browser is on, and nothing on other paths', () => {
    const script = preloadScript(routeChunks(bundle, routes));
    expect(preloadsAt(script, '/items')).toEqual(['/assets/list-page.js', '/assets/card.js']);
    expect(preloadsAt(script, '/items/')).toEqual(['/assets/list-page.js', '/assets/card.js']);
    expect(preloadsAt(script, '/items/42')).toEqual(['/assets/detail-page.js', '/assets/card.js', '/assets/form.js']);
    expect(preloadsAt(script, '/items/42/edit')).toEqual([]);
    expect(preloadsAt(script, '/other')).toEqual([]);
  });

  it('fails the build when a page named in the route table has no lazy chunk (a renamed file)', () => {
    expect(() => routeChunks(bundle, [['/gone', 'gone-page']])).toThrow(/no lazy chunk for page "gone-page"/);
  });
});
