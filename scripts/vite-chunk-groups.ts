import { fileURLToPath } from 'node:url';

/** What rolldown's group callbacks can ask about a module. */
interface ModuleFacts {
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
    const stack = [start];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const module = info(next);
      stack.push(...(module?.importedIds ?? []), ...(module?.dynamicallyImportedIds ?? []).filter(follow));
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
