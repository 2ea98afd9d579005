import type { NormalizedProperty, SecretValue } from './types';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const secretStates: ReadonlySet<string> = new Set(['empty', 'configured', 'replacing', 'cleared']);

/** Reads a secret's form value defensively (callers may reset the form with anything). */
export function toSecretValue(value: unknown): SecretValue {
  if (isPlainObject(value) && typeof value.state === 'string' && secretStates.has(value.state)) {
    return { state: value.state as SecretValue['state'], value: typeof value.value === 'string' ? value.value : '' };
  }
  return { state: 'empty', value: typeof value === 'string' ? value : '' };
}

/** JSON text of anything, never throwing (BigInt, cycles and exotic objects become ''). */
export function safeJson(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent) ?? '';
  } catch {
    return '';
  }
}

/** Any scalar as the text of an input; objects and arrays as JSON so nothing is shown as "[object Object]". */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return safeJson(value);
}

export function toBoolean(value: unknown): boolean {
  return value === true || value === 'true';
}

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** The number typed, `null` when blank, `NaN` when it is not a plain decimal number (no hex, no "Infinity"). */
export function parseNumberText(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return numberPattern.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The option whose value matches what the form holds (a native select always holds strings). */
export function findOption(property: NormalizedProperty, value: unknown) {
  const text = toText(value);
  return property.values?.find((option) => String(option.value) === text);
}
