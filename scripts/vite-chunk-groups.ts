import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What rolldown's group callbacks can ask about a module. */
interface ModuleFacts {
  code: string | null;
  isEntry: boolean;
  importers: readonly string[];
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}
type InfoOf = (id: string) => ModuleFacts | null;
interface GroupContext {
  getModuleInfo(id: string): ModuleFacts | null;
}

const isClassesModule = (id: string) => /Classes\.mjs$/.test(id);
const isPackageBarrel = (id: string) => /node_modules[\\/].*[\\/]index\.mjs$/.test(id);
const inPackage = (id: string) => /[\\/]node_modules[\\/]/.test(id);
const inSource = (id: string) => /[\\/]src[\\/]/.test(id) && !inPackage(id);
const isSourceBarrel = (id: string) => inSource(id) && /[\\/]index\.tsx?$/.test(id);
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
/**
 * What of a source barrel (a feature's `index.ts`) one importer really uses: the modules re-exporting the names it
 * imports. Without this, reaching a barrel reaches everything it re-exports, and a page that imports one editor
 * from a feature would count that feature's tables, drawers and chips as its own. Null when it cannot tell (a
 * namespace or default import, `export *`): then the whole barrel counts, as before.
 */
export function usedFromBarrel(importer: Source, barrel: Source): string[] | null {
  if (!importer.code || !barrel.code || /export\s*\*/.test(barrel.code)) return null;
  const here = dirname(importer.id);
  const target = withoutExtension(barrel.id).replace(/[\\/]index$/, '');
  const names: string[] = [];
  let found = false;
  for (const match of importer.code.matchAll(/import\s*([^'";]*?)\s*from\s*["']([^"']+)["']/g)) {
    const [, clause = '', spec = ''] = match;
    if (!spec.startsWith('.') || resolve(here, spec).replace(/[\\/]index(\.[jt]sx?)?$/, '') !== target) continue;
    found = true;
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    if (!braces) return null;
    names.push(...namesIn(braces[1]!, 'local'));
  }
  if (!found) return null;
  const byName = new Map<string, string>();
  for (const match of barrel.code.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    const source = withoutExtension(resolve(dirname(barrel.id), match[2]!));
    const id = barrel.importedIds.find((candidate) => withoutExtension(candidate) === source);
    if (!id) return null;
    for (const name of namesIn(match[1]!, 'exported')) byName.set(name, id);
  }
  const used = names.map((name) => byName.get(name));
  return used.every((id): id is string => id !== undefined) ? [...new Set(used)] : null;
}

/**
 * How the built SPA is cut into files, for a slow phone on HTTP/1.1: six connections and a round trip per file
 * made the number of files on a page's critical path, not its bytes, set when it could render (the settings and
 * flow pages needed about 40 chunks each, most under 1 KB). A cold load is now the shell and one to three files:
 *
 * - shell: everything the entry imports statically, and what the landing page (/integrations, where '/' goes)
 *   imports besides itself, which every page uses too;
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

  const entryGraph = new Map<string, boolean>();
  /**
   * Whether `importer` pulls `id` into the entry's graph. MUI's `*Classes` modules import other components' barrels
   * only for their class names (the theme's high-contrast styles reach every input that way): through a barrel
   * that only such modules import, only the class names count, not the component.
   */
  const edgeCounts = (importer: string, id: string, info: InfoOf, visiting: Set<string>): boolean => {
    if (!isPackageBarrel(importer) || isClassesModule(id)) return true;
    return (info(importer)?.importers ?? []).some(
      (outer) => !isClassesModule(outer) && inEntryGraph(outer, info, visiting),
    );
  };
  /** Whether a module is reached from the entry by static imports alone. */
  const inEntryGraph = (id: string, info: InfoOf, visiting = new Set<string>()): boolean => {
    const known = entryGraph.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return false;
    visiting.add(id);
    const module = info(id);
    const result =
      !!module &&
      (module.isEntry ||
        module.importers.some(
          (importer) => edgeCounts(importer, id, info, visiting) && inEntryGraph(importer, info, visiting),
        ));
    entryGraph.set(id, result);
    return result;
  };

  /** The modules a start module reaches by static imports, and by dynamic ones that `follow` accepts; walked once. */
  const walks = new Map<string, Set<string>>();
  const reached = (start: string, info: InfoOf, follow: (id: string) => boolean = () => false) => {
    let seen = walks.get(start);
    if (seen) return seen;
    seen = new Set();
    const expanded = new Set<string>();
    // [module, the importer that reached it]: a barrel is expanded for what that importer uses from it.
    const stack: [string, string | null][] = [[start, null]];
    while (stack.length) {
      const [next, from] = stack.pop()!;
      const module = info(next);
      const importer = from === null ? null : info(from);
      const used =
        module && importer && isSourceBarrel(next) && !isSourceBarrel(from!)
          ? usedFromBarrel(
              { id: from!, code: importer.code, importedIds: importer.importedIds },
              { id: next, code: module.code, importedIds: module.importedIds },
            )
          : null;
      if (used) {
        seen.add(next);
        stack.push(...used.map((id): [string, string] => [id, next]));
        continue;
      }
      // A package barrel reached from a `*Classes` module gives it class names only (see `edgeCounts`): the component
      // behind that barrel is not reached this way (the theme reaches every input's barrel like this).
      if (module && from !== null && isClassesModule(from) && isPackageBarrel(next)) {
        seen.add(next);
        stack.push(...module.importedIds.filter(isClassesModule).map((id): [string, string] => [id, next]));
        continue;
      }
      // A barrel seen so far only through one importer's names is expanded whole when another needs all of it.
      if (expanded.has(next)) continue;
      seen.add(next);
      expanded.add(next);
      const deps = [...(module?.importedIds ?? []), ...(module?.dynamicallyImportedIds ?? []).filter(follow)];
      stack.push(...deps.map((id): [string, string] => [id, next]));
    }
    walks.set(start, seen);
    return seen;
  };
  const landing = (id: string, info: InfoOf) => reached(landingPage, info).has(id);
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
    if (inEntryGraph(id, info) || landing(id, info)) return null;
    const routes = routesOf(id, info);
    if (routes.length === 0) return null;
    if (routes.length === 1) return `route-${routes[0]}`;
    return routes.includes('log') ? 'common' : 'forms';
  };

  return [
    {
      // The landing page's imports join the shell: every route loads them, so one file less for each.
      debugName: 'shell',
      name: (id: string, ctx: GroupContext) =>
        inEntryGraph(id, infoOf(ctx)) || (id !== landingPage && landing(id, infoOf(ctx))) ? 'shell' : null,
    },
    // Later groups must not pull in what an earlier one holds (the shell's MUI modules, say): no recursion.
    { debugName: 'routes', includeDependenciesRecursively: false, name: family },
  ];
}
