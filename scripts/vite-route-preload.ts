import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** URL pattern (`*` = one path segment) to the file name, without extension, of the page module that route loads. */
export type RoutePages = readonly (readonly [pattern: string, page: string])[];

export const routePreloadFile = 'route-preload.js';

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
export function routeChunks(bundle: OutputBundle, routes: RoutePages, base = '/'): [RegExp, string[]][] {
  const chunks = Object.values(bundle).filter(isChunk);
  const entry = chunks.find((chunk) => chunk.isEntry);
  const shell = entry ? staticClosure(bundle, entry.fileName) : new Set<string>();
  const result: [RegExp, string[]][] = [];
  for (const [pattern, page] of routes) {
    const chunk = chunks.find(
      (candidate) =>
        candidate.isDynamicEntry && candidate.facadeModuleId && baseName(candidate.facadeModuleId) === page,
    );
    if (!chunk) throw new Error(`route preload: no lazy chunk for page "${page}" (route ${pattern})`);
    const files = [...staticClosure(bundle, chunk.fileName)].filter((file) => !shell.has(file));
    const source = pattern
      .split('/')
      .map((part) => (part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    result.push([new RegExp(`^${source}/?$`), files.map((file) => `${base}${file}`)]);
  }
  return result;
}

/** The classic script that adds the preload links: it runs as the HTML is parsed, before the entry module. */
export function preloadScript(routes: [RegExp, string[]][]): string {
  const table = routes.map(([pattern, files]) => `[${pattern.toString()},${JSON.stringify(files)}]`).join(',');
  return `(function(){var r=[${table}],p=location.pathname;for(var i=0;i<r.length;i++){if(r[i][0].test(p)){r[i][1].forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;document.head.appendChild(l)});return}}})();\n`;
}

/**
 * Starts the download of the current route's page chunks while the entry is still downloading, instead of after it
 * has run and React has rendered the route (one more round trip on a slow network). Vite's own preloading of a lazy
 * import finds these links and does not fetch twice. The script is `route-preload.js`, not inline: the CSP allows
 * scripts from 'self' only. Build only.
 */
export function routePreload(routes: RoutePages): Plugin {
  return {
    name: 'qualytics:route-preload',
    apply: 'build',
    generateBundle(_options, bundle) {
      this.emitFile({
        type: 'asset',
        fileName: routePreloadFile,
        source: preloadScript(routeChunks(bundle, routes)),
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'script', attrs: { src: `/${routePreloadFile}` }, injectTo: 'body' }],
    },
  };
}
