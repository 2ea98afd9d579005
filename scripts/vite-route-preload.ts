import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/**
 * URL pattern (`*` = one path segment) to the file name, without extension, of the page module that route loads (or
 * several: a part the page loads lazily but shows at once, such as the wizard's help for the integration), and the
 * GET requests its first render makes (`$1` = the first `*` segment, which must then be a numeric id; one
 * with a query string only when the address has none, as the page's filters come from it).
 */
export type RoutePages = readonly (readonly [
  pattern: string,
  page: string | readonly string[],
  api?: readonly string[],
])[];

/** One route of the generated table: its pattern, its chunks, the API reads started early. */
export type RouteTableRow = [pattern: RegExp, files: string[], api: string[]];

/** Where the script leaves the early answers; src/api/early-responses.ts takes them. */
export const earlyResponsesGlobal = '__qualyticsEarly';
/**
 * How long the app may take an early answer (src/api/early-responses.ts has the same figure). After that the script
 * cancels the bodies nobody took (a page that did not make a read after all, say for an id that does not exist),
 * so they do not stay open.
 */
export const earlyResponseMaxAgeMs = 10_000;
/** The console keeps the bearer token here (src/shared/session/token-store.ts). */
export const sessionStorageKey = 'qualytics.session';

const isChunk = (output: OutputBundle[string]): output is OutputChunk => output.type === 'chunk';
const baseName = (id: string) =>
  id
    .split(/[\\/]/)
    .pop()
    ?.replace(/\.[cm]?[jt]sx?$/, '');

function staticClosure(bundle: OutputBundle, start: string, into = new Set<string>()): Set<string> {
  if (into.has(start)) return into;
  const chunk = bundle[start];
  if (!chunk || !isChunk(chunk)) return into;
  into.add(start);
  for (const imported of chunk.imports) staticClosure(bundle, imported, into);
  return into;
}

/**
 * For each route, the chunks its page needs beyond what the entry already loads: the page's own chunk and its static
 * imports. Patterns become anchored regular expressions, tried in order.
 */
export function routeChunks(bundle: OutputBundle, routes: RoutePages, base = '/'): RouteTableRow[] {
  const chunks = Object.values(bundle).filter(isChunk);
  const entry = chunks.find((chunk) => chunk.isEntry);
  const shell = entry ? staticClosure(bundle, entry.fileName) : new Set<string>();
  const result: RouteTableRow[] = [];
  for (const [pattern, pages, api = []] of routes) {
    const files = new Set<string>();
    for (const page of typeof pages === 'string' ? [pages] : pages) {
      // The page's own chunk, or the merged chunk that holds the page module (vite.config.ts groups small ones).
      const chunk =
        chunks.find(
          (candidate) =>
            candidate.isDynamicEntry && candidate.facadeModuleId && baseName(candidate.facadeModuleId) === page,
        ) ??
        chunks.find((candidate) =>
          (candidate.moduleIds ?? []).some((id) => /\/src\//.test(id) && baseName(id) === page),
        );
      if (!chunk) throw new Error(`route preload: no lazy chunk for page "${page}" (route ${pattern})`);
      for (const file of staticClosure(bundle, chunk.fileName)) if (!shell.has(file)) files.add(file);
    }
    const source = pattern
      .split('/')
      .map((part) => (part === '*' ? '([^/]+)' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    result.push([new RegExp(`^${source}/?$`), [...files].map((file) => `${base}${file}`), [...api]]);
  }
  return result;
}

interface PreloadSettings {
  /** [pattern source, files, reads] per route, in order. */
  routes: [string, string[], string[]][];
  tokenKey: string;
  globalName: string;
  maxAgeMs: number;
}

/**
 * What the route preload script runs, as the HTML is parsed and before the entry module. Serialised with
 * `toString()`, so it may use nothing from this file: only its argument and the browser's globals.
 */
function preloadRuntime({ routes, tokenKey, globalName, maxAgeMs }: PreloadSettings) {
  const path = location.pathname;
  for (const [pattern, files, reads] of routes) {
    const match = new RegExp(pattern).exec(path);
    if (!match) continue;
    for (const href of files) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.appendChild(link);
    }
    let token: string | null = null;
    try {
      token = sessionStorage.getItem(tokenKey);
    } catch {
      // storage disabled: the app asks for everything itself
    }
    if (!token || reads.length === 0) return;
    const early = { token, at: performance.now(), responses: {} as Record<string, Promise<Response>> };
    for (const read of reads) {
      // The page's filters come from the address: a read with its own query is only right for a bare address.
      if (read.includes('?') && location.search) continue;
      let usable = true;
      const url = read.replace(/\$(\d)/g, (_, n: string) => {
        const value = match[Number(n)] ?? '';
        if (!/^[1-9][0-9]*$/.test(value)) usable = false;
        return value;
      });
      if (!usable) continue;
      const response = fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
      response.catch(() => undefined);
      early.responses[url] = response;
    }
    (window as unknown as Record<string, unknown>)[globalName] = early;
    // Once the app may no longer take them, the answers it did not take are cancelled, not left open.
    setTimeout(() => {
      for (const response of Object.values(early.responses))
        response.then(
          (answer) => (answer.body && !answer.bodyUsed ? answer.body.cancel() : undefined),
          () => undefined,
        );
      const global = window as unknown as Record<string, unknown>;
      if (global[globalName] === early) global[globalName] = undefined;
    }, maxAgeMs);
    return;
  }
}

/**
 * The inline script that adds the preload links and, for a signed-in tab, starts the route's API reads: it runs as
 * the HTML is parsed, before the entry module, so those answers travel while the JS downloads instead of after it
 * has run (on a slow phone, one more round trip before the page can render). The app takes each answer once
 * (src/api/early-responses.ts), with the token it was asked with, or asks again.
 */
export function preloadScript(routes: RouteTableRow[]): string {
  const settings: PreloadSettings = {
    routes: routes.map(([pattern, files, reads]) => [pattern.source, files, reads]),
    tokenKey: sessionStorageKey,
    globalName: earlyResponsesGlobal,
    maxAgeMs: earlyResponseMaxAgeMs,
  };
  return `(${preloadRuntime.toString()})(${JSON.stringify(settings)});\n`;
}

/**
 * Starts the download of the current route's page chunks while the entry is still downloading, instead of after it
 * has run and React has rendered the route (one more round trip on a slow network). Vite's own preloading of a lazy
 * import finds these links and does not fetch twice. The script is inline in index.html: as a file of its own, the
 * links and reads waited for its download, a round trip on a slow phone that cost the form pages about 0.2 s of LCP.
 * The server's CSP allows it by its hash (server/http/inline-scripts.ts); a host of its own must do the same. Build
 * only.
 */
export function routePreload(routes: RoutePages): Plugin {
  return {
    name: 'qualytics:route-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        if (!context.bundle) return [];
        return [{ tag: 'script', children: preloadScript(routeChunks(context.bundle, routes)), injectTo: 'body' }];
      },
    },
  };
}
