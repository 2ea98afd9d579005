import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/**
 * URL pattern (`*` = one path segment) to the file name, without extension, of the page module that route loads,
 * and the GET requests its first render makes (`$1` = the first `*` segment, which must then be a numeric id; one
 * with a query string only when the address has none, as the page's filters come from it).
 */
export type RoutePages = readonly (readonly [pattern: string, page: string, api?: readonly string[]])[];

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
const sessionStorageKey = 'qualytics.session';

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
export function routeChunks(bundle: OutputBundle, routes: RoutePages, base = '/'): RouteTableRow[] {
  const chunks = Object.values(bundle).filter(isChunk);
  const entry = chunks.find((chunk) => chunk.isEntry);
  const shell = entry ? staticClosure(bundle, entry.fileName) : new Set<string>();
  const result: RouteTableRow[] = [];
  for (const [pattern, page, api = []] of routes) {
    // The page's own chunk, or the merged chunk that holds the page module (vite.config.ts groups small ones).
    const chunk =
      chunks.find(
        (candidate) =>
          candidate.isDynamicEntry && candidate.facadeModuleId && baseName(candidate.facadeModuleId) === page,
      ) ??
      chunks.find((candidate) => (candidate.moduleIds ?? []).some((id) => /\/src\//.test(id) && baseName(id) === page));
    if (!chunk) throw new Error(`route preload: no lazy chunk for page "${page}" (route ${pattern})`);
    const files = [...staticClosure(bundle, chunk.fileName)].filter((file) => !shell.has(file));
    const source = pattern
      .split('/')
      .map((part) => (part === '*' ? '([^/]+)' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    result.push([new RegExp(`^${source}/?$`), files.map((file) => `${base}${file}`), [...api]]);
  }
  return result;
}

/**
 * The classic script that adds the preload links and, for a signed-in tab, starts the route's API reads: it runs as
 * the HTML is parsed, before the entry module, so those answers travel while the JS downloads instead of after it
 * has run (on a slow phone, one more round trip before the page can render). The app takes each answer once
 * (src/api/early-responses.ts), with the token it was asked with, or asks again.
 */
export function preloadScript(routes: RouteTableRow[]): string {
  const table = routes
    .map(([pattern, files, api]) => `[${pattern.toString()},${JSON.stringify(files)},${JSON.stringify(api)}]`)
    .join(',');
  return `(function(){var r=[${table}],p=location.pathname;for(var i=0;i<r.length;i++){var m=r[i][0].exec(p);if(!m)continue;r[i][1].forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;document.head.appendChild(l)});var t=null;try{t=sessionStorage.getItem(${JSON.stringify(sessionStorageKey)})}catch(e){}if(!t||!r[i][2].length)return;var o={token:t,at:performance.now(),responses:{}};r[i][2].forEach(function(a){if(a.indexOf('?')>=0&&location.search)return;var ok=true,u=a.replace(/\\$(\\d)/g,function(_,n){var v=m[+n]||'';if(!/^[1-9][0-9]*$/.test(v))ok=false;return v});if(!ok)return;var f=fetch(u,{headers:{Accept:'application/json',Authorization:'Bearer '+t}});f.catch(function(){});o.responses[u]=f});window.${earlyResponsesGlobal}=o;setTimeout(function(){for(var k in o.responses)o.responses[k].then(function(x){if(x.body&&!x.bodyUsed)x.body.cancel()},function(){});if(window.${earlyResponsesGlobal}===o)window.${earlyResponsesGlobal}=undefined},${earlyResponseMaxAgeMs});return}})();\n`;
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
