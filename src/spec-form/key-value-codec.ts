import { isPlainObject, safeJson } from './field-values';
import type { KeyValueRow, KeyValueValue } from './types';

/** Shown under a key/value field whose rows have key problems; each row also gets its own message. */
export const rowSummary = 'Every key must be filled in and unique';

let rowCounter = 0;
// Rows can come back from an earlier page load (a draft kept in sessionStorage), so ids carry a per-load prefix.
const loadPrefix = Math.random().toString(36).slice(2, 8);

/** A fresh id for a row, unique on the page, for React keys and input ids. */
export function newRowId(): string {
  rowCounter += 1;
  return `kv-${loadPrefix}-${rowCounter}`;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * How a stored value is shown in a row's Value box. Together with `parseRowValue` this is a lossless round trip:
 * plain text stays as typed, and anything that would read as JSON (numbers, booleans, null, objects, arrays, or a
 * string that itself looks like JSON such as "5") is shown as JSON.
 */
export function formatRowValue(value: unknown): string {
  if (typeof value === 'string' && !parsesAsJson(value)) return value;
  return safeJson(value);
}

/**
 * What a row's Value box sends. Text that is valid JSON is sent as that JSON value (`5` -> 5, `true` -> true,
 * `{"a": 1}` -> an object, `"5"` -> the string "5"); any other text is sent as the string typed. Services show
 * such details as JSON, so typed numbers and nested objects arrive as such.
 */
export function parseRowValue(text: string): unknown {
  if (!parsesAsJson(text)) return text;
  return JSON.parse(text) as unknown;
}

export function objectToRows(value: unknown): KeyValueRow[] {
  if (!isPlainObject(value)) return [];
  return Object.entries(value).map(([key, entry]) => ({ id: newRowId(), key, value: formatRowValue(entry) }));
}

/** Rows to a plain object; blank keys are skipped and a repeated key keeps its first row (validation flags both). */
export function rowsToObject(rows: readonly KeyValueRow[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '' || Object.hasOwn(result, key)) continue;
    // defineProperty: a key such as "__proto__" stays a key instead of replacing the object's prototype.
    Object.defineProperty(result, key, {
      value: parseRowValue(row.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

export type JsonObjectParse = { ok: true; value: Record<string, unknown> } | { ok: false; reason: 'syntax' | 'shape' };

export function parseJsonObject(text: string): JsonObjectParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'syntax' };
  }
  return isPlainObject(parsed) ? { ok: true, value: parsed } : { ok: false, reason: 'shape' };
}

export function jsonObjectError(title: string): string {
  return `${title} must be a JSON object, e.g. {"team": "data"}`;
}

/** Accepts the form value of an object field in any shape a caller may have put there and returns rows. */
export function toKeyValueValue(value: unknown): KeyValueValue {
  if (isPlainObject(value) && Array.isArray(value.rows)) {
    const candidates = (value.rows as unknown[]).filter(
      (row): row is KeyValueRow =>
        isPlainObject(row) &&
        typeof row.id === 'string' &&
        typeof row.key === 'string' &&
        typeof row.value === 'string',
    );
    const seenIds = new Set<string>();
    const rows = candidates.map((row) => {
      // Ids are React keys: a repeated or empty one would make two rows share an input.
      const id = row.id === '' || seenIds.has(row.id) ? newRowId() : row.id;
      seenIds.add(id);
      return id === row.id ? row : { ...row, id };
    });
    return { rows, jsonText: typeof value.jsonText === 'string' ? value.jsonText : null };
  }
  return { rows: objectToRows(value), jsonText: null };
}

/** The object an object field stands for, or `undefined` while its JSON text is not a valid object. */
export function keyValueToObject(value: unknown): Record<string, unknown> | undefined {
  const { rows, jsonText } = toKeyValueValue(value);
  if (jsonText === null) return rowsToObject(rows);
  const parsed = parseJsonObject(jsonText);
  return parsed.ok ? parsed.value : undefined;
}
