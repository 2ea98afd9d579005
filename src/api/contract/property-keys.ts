/**
 * Where a spec property's value goes in a request body: the one rule both sides use.
 *
 * - `map_to` names the request key (absent: the property's own `field`).
 * - When several properties of one spec share a `map_to` (the action spec's `parameters` does),
 *   they nest under it, each by its `field`: `{ parameters: { severity: …, custom_details: … } }`.
 *
 * So Slack's `bot_token` with `map_to: "api_access_token"` is sent as `{"api_access_token": "…"}`,
 * never as `{"api_access_token": {"bot_token": "…"}}`.
 */
export interface KeyedProperty {
  field: string;
  map_to?: string | undefined;
}

/** `[key]` for a property alone under its request key, `[key, field]` for one of several sharing it. */
export type RequestPath = readonly [string] | readonly [string, string];

export function requestKey(property: KeyedProperty): string {
  return property.map_to ?? property.field;
}

/** The request path of every property, in spec order (a Map keeps the property objects as keys). */
export function requestPaths<P extends KeyedProperty>(properties: readonly P[]): Map<P, RequestPath> {
  const sharing = new Map<string, number>();
  for (const p of properties) sharing.set(requestKey(p), (sharing.get(requestKey(p)) ?? 0) + 1);
  const paths = new Map<P, RequestPath>();
  for (const p of properties) {
    const key = requestKey(p);
    paths.set(p, (sharing.get(key) ?? 0) > 1 ? [key, p.field] : [key]);
  }
  return paths;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the value at a request path; `undefined` when it is absent. */
export function readAtPath(body: Record<string, unknown>, path: RequestPath): unknown {
  const [key, nested] = path;
  if (!Object.hasOwn(body, key)) return undefined;
  const outer = body[key];
  if (nested === undefined) return outer;
  return isRecord(outer) && Object.hasOwn(outer, nested) ? outer[nested] : undefined;
}

/**
 * Writes a value at a request path, creating the nesting object. Keys are defined as own data
 * properties, so a spec field named `__proto__` cannot reach an object's prototype.
 */
export function writeAtPath(body: Record<string, unknown>, path: RequestPath, value: unknown): void {
  const [key, nested] = path;
  if (nested === undefined) {
    Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
    return;
  }
  let outer = Object.hasOwn(body, key) ? body[key] : undefined;
  if (!isRecord(outer)) {
    outer = {};
    Object.defineProperty(body, key, { value: outer, enumerable: true, writable: true, configurable: true });
  }
  Object.defineProperty(outer, nested, { value, enumerable: true, writable: true, configurable: true });
}
