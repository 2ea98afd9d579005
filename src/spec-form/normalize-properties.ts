import type { SpecProperty } from '../api/contract';
import { safeJson } from './field-values';
import { kindTypeNames } from './kinds/type-names';
import type { FieldKind, NormalizedProperty } from './types';

/** Spec type name -> kind, from each kind's names (`kinds/type-names.ts`). */
const knownKinds = new Map<string, FieldKind>(
  Object.entries(kindTypeNames).flatMap(([kind, names]) => names.map((name) => [name, kind as FieldKind] as const)),
);

type EnumOption = { label: string; value: string | number };

const cache = new WeakMap<object, NormalizedProperty[]>();
const normalized = new WeakSet<object>();

/** True for the objects `normalizeProperties` returned (a raw spec could carry a `kind` key of its own). */
export function isNormalizedProperty(property: object): property is NormalizedProperty {
  return normalized.has(property);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonBlankString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function normalizeOptions(raw: unknown): EnumOption[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const options: EnumOption[] = [];
  for (const entry of raw) {
    // Specs in the wild sometimes list bare values instead of {label, value}.
    const candidate = isRecord(entry) ? entry.value : entry;
    if (typeof candidate !== 'string' && typeof candidate !== 'number') continue;
    if (typeof candidate === 'number' && !Number.isFinite(candidate)) continue;
    const key = String(candidate);
    // An empty value could not be told apart from "nothing chosen".
    if (key.trim() === '' || seen.has(key)) continue;
    seen.add(key);
    const label = isRecord(entry) ? nonBlankString(entry.label) : undefined;
    options.push({ label: label ?? key, value: candidate });
  }
  return options;
}

function normalizeOne(raw: Record<string, unknown>, field: string, name: string): NormalizedProperty {
  const title = nonBlankString(raw.title) ?? field;
  const rawType = raw.type;
  const typeName = typeof rawType === 'string' ? rawType.trim().toLowerCase() : '';
  let kind: FieldKind = knownKinds.get(typeName) ?? 'unknown';
  let note: string | undefined;
  const values = normalizeOptions(raw.values);

  if (kind === 'unknown') {
    const shown = typeof rawType === 'string' ? rawType : safeJson(rawType ?? null);
    note = `Unsupported field type "${shown}": entered as text`;
  }
  if (kind === 'enum' && values.length === 0) {
    kind = 'string';
    note = `No choices were provided for ${title}: entered as text`;
  }
  // A secret is always typed as text, whatever type the spec gives it; the server decides what it accepts.
  if (raw.secret === true) kind = 'secret';

  const group = isRecord(raw.group) ? nonBlankString(raw.group.name) : undefined;

  // Unknown keys are kept (the contract parses specs loosely); `note` is ours alone, as it is rendered.
  const { note: _theirs, ...rest } = raw;
  const property: NormalizedProperty = {
    ...(rest as SpecProperty),
    field,
    name,
    type: typeof rawType === 'string' ? rawType : safeJson(rawType ?? ''),
    title,
    kind,
    required: raw.required === true,
    secret: raw.secret === true,
    map_to: safeKey(nonBlankString(raw.map_to)),
    placeholder: typeof raw.placeholder === 'string' ? raw.placeholder : undefined,
    info: nonBlankString(raw.info),
    info_md: nonBlankString(raw.info_md),
    values: kind === 'enum' ? values : undefined,
    group: group ? { name: group, outline: isRecord(raw.group) && raw.group.outline === true } : undefined,
  };
  if (note) property.note = note;
  normalized.add(property);
  return property;
}

/**
 * Turns whatever the server sent as `properties` into fields the engine can render. Never throws: entries that are
 * not objects or have no field name are dropped (nothing could be stored for them), a repeated field keeps its first
 * definition, malformed flags are ignored, and an unknown type is kept as `unknown` with a note so the user still sees
 * and can fill the field.
 */
export function normalizeProperties(raw: unknown): NormalizedProperty[] {
  if (!Array.isArray(raw)) return [];
  const cached = cache.get(raw);
  if (cached) return cached;

  const seen = new Set<string>();
  const fields: [Record<string, unknown>, string][] = [];
  for (const entry of raw as unknown[]) {
    if (!isRecord(entry)) continue;
    const field = nonBlankString(entry.field)?.trim();
    if (!field || seen.has(field)) continue;
    seen.add(field);
    fields.push([entry, field]);
  }
  const result = fields.map(([entry, field], index) => {
    let name = usableAsFormName(field) ? field : `__sf_${index}`;
    while (name !== field && seen.has(name)) name = `_${name}`;
    return normalizeOne(entry, field, name);
  });
  cache.set(raw, result);
  return result;
}

/**
 * react-hook-form reads names as paths (`a.b`, `a[0]`, quotes dropped) and looks them up on plain objects, so a
 * field such as `constructor` or `toString` would resolve to Object.prototype's members.
 */
function usableAsFormName(field: string): boolean {
  return !/[.[\]"'|]/.test(field) && !(field in Object.prototype);
}

/** `map_to` names a key of the request body; keys that would reach an object's prototype are not honoured. */
function safeKey(key: string | undefined): string | undefined {
  return key !== undefined && !(key in Object.prototype) ? key : undefined;
}
