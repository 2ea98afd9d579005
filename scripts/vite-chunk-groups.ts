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

/**
 * What of a source barrel (a feature's `index.ts`) one importer really uses: the modules re-exporting the names it
 * imports. Without this, reaching a barrel reaches everything it re-exports, and a page that imports one editor
 * from a feature would count that feature's tables, drawers and chips as its own. Null when it cannot tell (a
 * namespace or default import, `export *`): then the whole barrel counts, as before.
 */
interface Source {
  id: string;
  code: string | null;
  importedIds: readonly string[];
}
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
 * flow pages needed about 40 chunks each, most under 1 KB). Each route now loads the shell and two to four files.
 *
 * - shell: everything the entry imports statically (it runs before the first paint anyway);
 * - landing: what the landing page (/integrations, where '/' goes) imports besides itself, which other pages use too;
 * - wizard-vendor: the packages the setup wizard (its steps included) needs, beyond those: the settings and flow
 *   pages need most of them too (forms, dialogs, buttons);
 * - vendor: every other package the lazy pages use, split by the pages that use them;
 * - app-shared: source modules two or more lazy chunks share, split the same way.
 *
 * The page modules themselves (and what only one of them uses) stay in their own chunks.
 */
export function chunkGroups(root: URL) {
  const file = (path: string) => fileURLToPath(new URL(path, root));
  const landingPage = file('./src/pages/integrations-page.tsx');
  const wizardPage = file('./src/pages/setup-wizard-page.tsx');
  const wizardSteps = file('./src/pages/setup-wizard/');

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
      if (seen.has(next) && !expanded.has(next)) {
        // Reached whole only now (before, through one importer's names): expand it.
      } else if (seen.has(next)) continue;
      seen.add(next);
      expanded.add(next);
      const deps = [...(module?.importedIds ?? []), ...(module?.dynamicallyImportedIds ?? []).filter(follow)];
      stack.push(...deps.map((id): [string, string] => [id, next]));
    }
    walks.set(start, seen);
    return seen;
  };
  const landing = (id: string, info: InfoOf) => reached(landingPage, info).has(id);
  const wizard = (id: string, info: InfoOf) =>
    reached(wizardPage, info, (target) => target.startsWith(wizardSteps)).has(id);
  const infoOf = (ctx: GroupContext) => (id: string) => ctx.getModuleInfo(id);

  // Later groups must not pull in what an earlier one holds (the landing page's MUI modules, say): no recursion.
  const flat = { includeDependenciesRecursively: false } as const;
  // Split by which pages use them, so a page does not load another's packages (the deliveries log's virtual list,
  // the flow page's drawer); pieces under 8 KB join a neighbour rather than cost a round trip of their own.
  const byPages = { entriesAware: true, entriesAwareMergeThreshold: 8_000 } as const;
  return [
    { debugName: 'shell', name: (id: string, ctx: GroupContext) => (inEntryGraph(id, infoOf(ctx)) ? 'shell' : null) },
    {
      debugName: 'landing',
      ...flat,
      name: (id: string, ctx: GroupContext) => (id !== landingPage && landing(id, infoOf(ctx)) ? 'landing' : null),
    },
    {
      debugName: 'wizard-vendor',
      ...flat,
      name: (id: string, ctx: GroupContext) =>
        inPackage(id) && wizard(id, infoOf(ctx)) && !landing(id, infoOf(ctx)) ? 'wizard-vendor' : null,
    },
    {
      debugName: 'vendor',
      ...flat,
      ...byPages,
      name: (id: string, ctx: GroupContext) =>
        inPackage(id) && !landing(id, infoOf(ctx)) && !wizard(id, infoOf(ctx)) ? 'vendor' : null,
    },
    {
      debugName: 'app-shared',
      ...flat,
      ...byPages,
      minShareCount: 2,
      name: (id: string, ctx: GroupContext) => (inSource(id) && !landing(id, infoOf(ctx)) ? 'app-shared' : null),
    },
  ];
}
