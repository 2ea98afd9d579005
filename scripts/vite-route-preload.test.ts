import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { earlyResponseMaxAgeMs as appMaxAge } from '../src/api/early-responses';
import { sessionStorageKey as appTokenKey } from '../src/shared/session/token-store';
import {
  earlyResponseMaxAgeMs,
  earlyResponsesGlobal,
  preloadScript,
  routeChunks,
  routePreload,
  sessionStorageKey,
} from './vite-route-preload';

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

interface FakeTab {
  search?: string;
  token?: string | null;
}

/** Runs the generated script against a fake tab at `pathname`; returns what it preloads and which reads it starts. */
function runAt(script: string, pathname: string, { search = '', token = null }: FakeTab = {}) {
  const links: { rel: string; href: string; crossOrigin: string | null }[] = [];
  const document = {
    createElement: () => ({ rel: '', href: '', crossOrigin: null }),
    head: { appendChild: (link: (typeof links)[number]) => links.push(link) },
  };
  const reads: { url: string; headers: Record<string, string>; response: Response }[] = [];
  const fetch = (url: string, init: { headers: Record<string, string> }) => {
    const response = new Response('{}');
    reads.push({ url, headers: init.headers, response });
    return Promise.resolve(response);
  };
  const timers: { run: () => void; ms: number }[] = [];
  const setTimeout = (run: () => void, ms: number) => timers.push({ run, ms });
  const sessionStorage = { getItem: (key: string) => (key === sessionStorageKey ? token : null) };
  const window: Record<string, unknown> = {};
  new Function('document', 'location', 'sessionStorage', 'fetch', 'performance', 'window', 'setTimeout', script)(
    document,
    { pathname, search },
    sessionStorage,
    fetch,
    { now: () => 1234 },
    window,
    setTimeout,
  );
  expect(links.every((link) => link.rel === 'modulepreload' && link.crossOrigin === '')).toBe(true);
  const early = window[earlyResponsesGlobal] as { token: string; at: number; responses: object } | undefined;
  return { preloads: links.map((link) => link.href), reads, early, timers, window };
}

const preloadsAt = (script: string, pathname: string) => runAt(script, pathname).preloads;

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

  it('lists the chunks of every module a route names, each file once (a lazy part the page shows at once)', () => {
    const table = routeChunks(bundle, [['/items/*', ['detail-page', 'list-page']]]);
    expect(table[0]?.[1]).toEqual([
      '/assets/detail-page.js',
      '/assets/card.js',
      '/assets/form.js',
      '/assets/list-page.js',
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

  it('finds a page merged into a shared chunk by the module it holds', () => {
    const merged = {
      ...bundle,
      'assets/app-shared.js': chunk('assets/app-shared.js', {
        moduleIds: ['/repo/src/pages/merged-page.tsx', '/repo/src/shared/x.ts'],
        imports: ['assets/card.js'],
      }),
    } as unknown as Rollup.OutputBundle;
    expect(routeChunks(merged, [['/merged', 'merged-page']])[0]?.[1]).toEqual([
      '/assets/app-shared.js',
      '/assets/card.js',
    ]);
  });

  it('fails the build when a page named in the route table has no lazy chunk (a renamed file)', () => {
    expect(() => routeChunks(bundle, [['/gone', 'gone-page']])).toThrow(/no lazy chunk for page "gone-page"/);
  });

  describe('early reads', () => {
    const withReads = [
      ['/items', 'list-page', ['/api/items?limit=50', '/api/me']],
      ['/items/*', 'detail-page', ['/api/items/$1', '/api/items/$1/history?limit=10', '/api/me']],
    ] as const;
    const script = preloadScript(routeChunks(bundle, withReads));

    it("starts the route's reads with the tab's token, and leaves them for the app with that token", () => {
      const { reads, early } = runAt(script, '/items/42', { token: 'tab-token' });
      expect(reads.map((read) => read.url)).toEqual(['/api/items/42', '/api/items/42/history?limit=10', '/api/me']);
      expect(reads.every((read) => read.headers.Authorization === 'Bearer tab-token')).toBe(true);
      expect(reads.every((read) => read.headers.Accept === 'application/json')).toBe(true);
      expect(early?.token).toBe('tab-token');
      expect(early?.at).toBe(1234);
      expect(Object.keys(early?.responses ?? {})).toEqual(reads.map((read) => read.url));
    });

    it('cancels, once the app may no longer take them, the answers it did not take', async () => {
      const { reads, early, timers, window } = runAt(script, '/items/42', { token: 't' });
      const responses = early!.responses as Record<string, unknown>;
      // The app takes one: that one is its to read.
      delete responses['/api/me'];
      expect(timers.map((timer) => timer.ms)).toEqual([earlyResponseMaxAgeMs]);
      expect(earlyResponseMaxAgeMs).toBe(appMaxAge);
      timers[0]!.run();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const byUrl = Object.fromEntries(reads.map((read) => [read.url, read.response]));
      await expect(byUrl['/api/items/42']!.text()).rejects.toThrow();
      await expect(byUrl['/api/me']!.text()).resolves.toBe('{}');
      expect(window[earlyResponsesGlobal]).toBeUndefined();
    });

    it('reads the token where the app keeps it', () => {
      expect(sessionStorageKey).toBe(appTokenKey);
    });

    it('asks nothing for a signed-out tab, and still preloads the chunks', () => {
      const { preloads, reads, early } = runAt(script, '/items/42');
      expect(preloads).toContain('/assets/detail-page.js');
      expect(reads).toEqual([]);
      expect(early).toBeUndefined();
    });

    it('skips a read whose id is not a number, and reads with a query when the address has its own', () => {
      expect(runAt(script, '/items/new', { token: 't' }).reads.map((read) => read.url)).toEqual(['/api/me']);
      expect(runAt(script, '/items', { token: 't', search: '?status=failed' }).reads.map((read) => read.url)).toEqual([
        '/api/me',
      ]);
      expect(runAt(script, '/items', { token: 't' }).reads.map((read) => read.url)).toEqual([
        '/api/items?limit=50',
        '/api/me',
      ]);
    });
  });
});

describe('routePreload', () => {
  const handler = () => {
    const hook = routePreload([['/items', 'list-page']]).transformIndexHtml as {
      handler: (html: string, context: { bundle?: Rollup.OutputBundle }) => unknown;
    };
    return hook.handler;
  };

  it('puts the script inline in the built page (a file of its own cost a round trip before any preload)', () => {
    expect(handler()('<html></html>', { bundle })).toEqual([
      { tag: 'script', children: preloadScript(routeChunks(bundle, [['/items', 'list-page']])), injectTo: 'body' },
    ]);
  });

  it('adds nothing where there is no bundle (the dev server)', () => {
    expect(handler()('<html></html>', {})).toEqual([]);
  });
});
