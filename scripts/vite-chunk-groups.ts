import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What rolldown's group callbacks can ask about a module. */
interface ModuleFacts {
  code: string | null;
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}
type InfoOf = (id: string) => ModuleFacts | null;
interface GroupContext {
  getModuleInfo(id: string): ModuleFacts | null;
}

const withoutExtension = (id: string) => id.replace(/\.[cm]?[jt]sx?$/, '');

/** `{ a, b as c, type D }` -> the names as imported or exported (`c` for `b as c`), types left out. */
function namesIn(list: string, side: 'local' | 'exported'): string[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith('type '))
    .map((part) => {
      const [name, alias] = part.split(/\s+as\s+/);
      return (side === 'exported' ? (alias ?? name) : name)!.trim();
    });
}

interface Source {
  id: string;
  code: string | null;
  importedIds: readonly string[];
}

const slashes = (id: string) => id.replace(/\\/g, '/');
const fromClause = String.raw`\s*from\s*["']([^"']+)["']`;
const importFrom = new RegExp(String.raw`import\s*([^'";]*?)` + fromClause, 'g');
const exportListFrom = new RegExp(String.raw`export\s*\{([^}]*)\}` + fromClause, 'g');
const exportStarFrom = new RegExp(String.raw`export\s*\*\s*(?:as\s+([\w$]+)\s*)?` + fromClause, 'g');
const exportList = /export\s*\{([^}]*)\}(?!\s*from)/g;

/** From `open` (a `{`), the index just past its matching `}`, skipping strings and comments; -1 when it never closes. */
function blockEnd(code: string, open: number): number {
  let depth = 0;
  for (let at = open; at < code.length; at++) {
    const char = code[at];
    if (char === '"' || char === "'" || char === '`') {
      for (at++; at < code.length && code[at] !== char; at++) if (code[at] === '\\') at++;
    } else if (code.startsWith('//', at)) at = code.indexOf('\n', at) >>> 0;
    else if (code.startsWith('/*', at)) at = (code.indexOf('*/', at + 2) >>> 0) + 1;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return at + 1;
  }
  return -1;
}

/**
 * A package index may declare a function of its own beside its re-exports (Material's and MUI System's indexes keep a
 * deprecated `experimental_sx` that only throws): its name, and the code without it. Only `export function` is
 * taken; any other code of its own leaves the module a plain one.
 */
export function ownFunctions(code: string): { names: string[]; rest: string } {
  const names: string[] = [];
  let rest = code;
  for (;;) {
    const match = /export\s+function\s+([\w$]+)\s*\([^)]*\)\s*\{/.exec(rest);
    if (!match) return { names, rest };
    const end = blockEnd(rest, match.index + match[0].length - 1);
    if (end < 0) return { names, rest };
    names.push(match[1]!);
    rest = rest.slice(0, match.index) + rest.slice(end);
  }
}

/**
 * Whether a module only passes names on (a feature's `index.ts`, a package's index): nothing but imports and exports
 * `from` other modules, export lists and directives, once comments are out.
 */
export function isBarrel(code: string | null): boolean {
  if (!code) return false;
  const rest = ownFunctions(code)
    .rest.replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/^\s*["']use (?:client|strict)["'];?/gm, '')
    .replace(importFrom, '')
    .replace(exportStarFrom, '')
    .replace(exportListFrom, '')
    .replace(exportList, '');
  return /^[\s;]*$/.test(rest) && /\bexport\b/.test(code);
}

/** The module `spec` names, among those `from` imports: a relative path, or a package (or its subpath) by name. */
function resolveSpec(from: Source, spec: string): string | undefined {
  if (spec.startsWith('.')) {
    const target = slashes(withoutExtension(resolve(dirname(from.id), spec)));
    return from.importedIds.find((id) => {
      // A plugin's stand-in for a file keeps the file's path after its `\0name:` prefix (vite-plain-mui-theme.ts).
      const bare = slashes(withoutExtension(id.replace(/^\0[^:]*:/, '')));
      return bare === target || bare.replace(/\/index$/, '') === target;
    });
  }
  // A package's root module: of the candidates under `node_modules/<spec>/`, the one nearest that folder.
  const prefix = `/node_modules/${spec}/`;
  const depth = (id: string) => slashes(id).split(prefix)[1]!.split('/').length;
  return from.importedIds.filter((id) => slashes(id).includes(prefix)).sort((a, b) => depth(a) - depth(b))[0];
}

/**
 * `Default, { a, b as c }` or `* as ns` (what stands between `import` and `from`) -> its parts: the default's local
 * name, the namespace's, and the named imports as imported and as bound here (types left out).
 */
function importClause(clause: string) {
  const braces = /\{([^}]*)\}/.exec(clause);
  const outside = clause
    .replace(/\{[^}]*\}/, '')
    .replace(/,/g, ' ')
    .trim();
  const namespace = /\*\s*as\s+([\w$]+)/.exec(outside)?.[1];
  const rest = outside.replace(/\*\s*as\s+[\w$]+/, '').trim();
  return {
    defaultName: rest && rest !== 'type' && !rest.startsWith('type ') ? rest : undefined,
    namespace,
    imported: braces ? namesIn(braces[1]!, 'local') : [],
    localNames: braces ? namesIn(braces[1]!, 'exported') : [],
  };
}

/**
 * The names one module takes from a barrel (`default` for a default import), by import or by re-export
 * (`export { css } from '@mui/system'` in a module read whole). Null when it cannot tell (a namespace import, an
 * `export *` of it, or no statement of it that can be read): then the whole barrel counts.
 */
export function importedNames(importer: Source, barrel: Source): string[] | null {
  if (!importer.code) return null;
  const names: string[] = [];
  let found = false;
  for (const [, clause = '', spec = ''] of importer.code.matchAll(importFrom)) {
    if (resolveSpec(importer, spec) !== barrel.id) continue;
    found = true;
    const { defaultName, namespace, imported } = importClause(clause);
    if (namespace) return null;
    if (defaultName) names.push('default');
    names.push(...imported);
  }
  for (const [, list = '', spec = ''] of importer.code.matchAll(exportListFrom)) {
    if (resolveSpec(importer, spec) !== barrel.id) continue;
    found = true;
    names.push(...namesIn(list, 'local'));
  }
  for (const [, , spec = ''] of importer.code.matchAll(exportStarFrom)) {
    if (resolveSpec(importer, spec) === barrel.id) return null;
  }
  return found ? names : null;
}

/** What is wanted of a module: the names (for a barrel), or null for the whole module. */
type Wanted = [id: string, names: string[] | null];

/**
 * Where a barrel's names come from: each module it takes them from, with the names wanted of it (a barrel behind a
 * barrel is followed by name too). Names it does not bind itself go to its `export *` modules; with none, they are
 * not its own. Null when the whole module is wanted or it cannot tell (a function it declares itself, a module it
 * cannot find).
 */
export function barrelTargets(barrel: Source, names: readonly string[]): Wanted[] | null {
  if (!barrel.code) return null;
  const bound = new Map<string, [id: string, name: string | null]>();
  const local = new Map<string, [id: string, name: string | null]>();
  const stars: string[] = [];
  const target = (spec: string) => resolveSpec(barrel, spec);
  for (const [, clause = '', spec = ''] of barrel.code.matchAll(importFrom)) {
    const id = target(spec);
    if (!id) return null;
    const { defaultName, namespace, imported, localNames } = importClause(clause);
    if (namespace) local.set(namespace, [id, null]);
    if (defaultName) local.set(defaultName, [id, 'default']);
    localNames.forEach((name, at) => local.set(name, [id, imported[at]!]));
  }
  for (const [, list = '', spec = ''] of barrel.code.matchAll(exportListFrom)) {
    const id = target(spec);
    if (!id) return null;
    const imported = namesIn(list, 'local');
    namesIn(list, 'exported').forEach((name, at) => bound.set(name, [id, imported[at]!]));
  }
  for (const [, namespace, spec = ''] of barrel.code.matchAll(exportStarFrom)) {
    const id = target(spec);
    if (!id) return null;
    if (namespace) bound.set(namespace, [id, null]);
    else stars.push(id);
  }
  for (const [, list = ''] of barrel.code.matchAll(exportList)) {
    const locals = namesIn(list, 'local');
    namesIn(list, 'exported').forEach((name, at) => {
      const binding = local.get(locals[at]!);
      if (binding) bound.set(name, binding);
    });
  }
  const wanted = new Map<string, Set<string> | null>();
  const want = (id: string, name: string | null) => {
    const known = wanted.get(id);
    if (known === null) return;
    if (name === null) wanted.set(id, null);
    else wanted.set(id, (known ?? new Set()).add(name));
  };
  // A function the barrel declares itself is in the barrel's own code: the whole module is wanted.
  const own = new Set(ownFunctions(barrel.code).names);
  if (names.some((name) => own.has(name))) return null;
  const unbound: string[] = [];
  for (const name of names) {
    const binding = bound.get(name);
    if (binding) want(...binding);
    else unbound.push(name);
  }
  // A name neither bound here nor declared here, with no `export *` to come from, is not this module's: it was asked
  // of every `export *` of the barrel in front (`export * from './Stack'` beside `export * from './Grid'`).
  for (const id of unbound.length ? stars : []) unbound.forEach((name) => want(id, name));
  return [...wanted].map(([id, set]): Wanted => [id, set ? [...set] : null]);
}

/**
 * How the built SPA is cut into files, for a slow phone on HTTP/1.1: six connections and a round trip per file
 * made the number of files on a page's critical path, not its bytes, set when it could render (the settings and
 * flow pages needed about 40 chunks each, most under 1 KB). A cold load is now the shell and one to three files:
 *
 * - shell: everything the entry imports statically, and what the landing page (/integrations, where '/' goes)
 *   imports besides itself, which every page uses too (through a barrel, only what they name: see `reached`);
 * - for what the first screens of the other routes (connect, settings, flows, flow, deliveries log) import:
 *   `route-<name>` when one route alone uses it, `forms` when several form pages share it (react-hook-form, the
 *   inputs, dialogs), `common` when the deliveries log shares it too. So the log, which has no form, does not
 *   load the forms' code, and a form page loads its own file, `forms` and `common`.
 *
 * What no route's first screen imports (the wizard's later steps, dialogs opened on demand) is left to Rolldown.
 */
export function chunkGroups(root: URL) {
  const file = (path: string) => fileURLToPath(new URL(path, root));
  const landingPage = file('./src/pages/integrations-page.tsx');
  const wizardFrame = file('./src/pages/setup-wizard/pagerduty-wizard.tsx');

  /**
   * The modules a start module reaches by static imports, and by dynamic ones that `follow` accepts; walked once.
   * Through a barrel, only the modules behind the names an importer uses count: a page that imports one editor from
   * a feature's `index.ts` does not reach that feature's tables, the shell's `useQuery` does not reach the
   * `useQueries` that only the deliveries log uses, and MUI's `*Classes` modules, which import other components'
   * barrels for their class names (the theme reaches every input that way), do not reach the components.
   */
  const walks = new Map<string, Set<string>>();
  const reached = (start: string, info: InfoOf, follow: (id: string) => boolean = () => false) => {
    let seen = walks.get(start);
    if (seen) return seen;
    seen = new Set();
    const expanded = new Set<string>();
    // Names already followed through each barrel: a barrel reached again for the same names is done.
    const followed = new Map<string, Set<string>>();
    const barrels = new Map<string, boolean>();
    const barrel = (id: string) => {
      let known = barrels.get(id);
      if (known === undefined) barrels.set(id, (known = isBarrel(info(id)?.code ?? null)));
      return known;
    };
    const source = (id: string): Source => {
      const module = info(id);
      return { id, code: module?.code ?? null, importedIds: module?.importedIds ?? [] };
    };
    const stack: Wanted[] = [[start, null]];
    while (stack.length) {
      const [next, names] = stack.pop()!;
      const module = info(next);
      if (names && module && barrel(next)) {
        const done = followed.get(next) ?? new Set<string>();
        const fresh = names.filter((name) => !done.has(name));
        const targets = barrelTargets(source(next), fresh);
        if (targets) {
          seen.add(next);
          fresh.forEach((name) => done.add(name));
          followed.set(next, done);
          if (!expanded.has(next)) stack.push(...targets);
          continue;
        }
      }
      if (expanded.has(next)) continue;
      seen.add(next);
      expanded.add(next);
      for (const id of module?.importedIds ?? []) {
        stack.push([id, barrel(id) ? importedNames(source(next), source(id)) : null]);
      }
      for (const id of (module?.dynamicallyImportedIds ?? []).filter(follow)) stack.push([id, null]);
    }
    walks.set(start, seen);
    return seen;
  };
  const infoOf = (ctx: GroupContext) => (id: string) => ctx.getModuleInfo(id);

  // The lazy pages a cold load starts on, each with what its first screen imports (the wizard: its frame too, not
  // the later steps, which load as the manager gets to them).
  const routePages: [name: string, page: string, follow?: (id: string) => boolean][] = [
    ['connect', file('./src/pages/setup-wizard-page.tsx'), (id) => id === wizardFrame],
    ['settings', file('./src/pages/integration-settings-page.tsx')],
    ['flows', file('./src/pages/flows-page.tsx')],
    ['flow', file('./src/pages/flow-detail-page.tsx')],
    ['log', file('./src/pages/deliveries-page.tsx')],
  ];
  const routesOf = (id: string, info: InfoOf) =>
    routePages.filter(([, page, follow]) => reached(page, info, follow).has(id)).map(([name]) => name);
  const family = (id: string, ctx: GroupContext) => {
    const info = infoOf(ctx);
    if (shell(id, info) || id === landingPage) return null;
    const routes = routesOf(id, info);
    if (routes.length === 0) return null;
    if (routes.length === 1) return `route-${routes[0]}`;
    return routes.includes('log') ? 'common' : 'forms';
  };

  // The entry (Vite makes index.html one; a module graph without it starts at main.tsx), and the landing page's
  // imports with it: every route loads them, so one file less for each. The landing page itself stays a file.
  const entries = [file('./index.html'), file('./src/main.tsx')];
  const shell = (id: string, info: InfoOf) => {
    const entry = entries.find((candidate) => info(candidate)) ?? entries[1]!;
    return id !== landingPage && reached(entry, info, (dynamic) => dynamic === landingPage).has(id);
  };

  return [
    {
      debugName: 'shell',
      name: (id: string, ctx: GroupContext) => (shell(id, infoOf(ctx)) ? 'shell' : null),
    },
    // Later groups must not pull in what an earlier one holds (the shell's MUI modules, say): no recursion.
    { debugName: 'routes', includeDependenciesRecursively: false, name: family },
  ];
}
