import type { IntegrationSpec, SpecProperty, ValidationIssue } from '../../src/api/contract';
import { readAtPath, requestPaths, writeAtPath, type RequestPath } from '../../src/api/contract/property-keys';
import { isRecord } from '../json-utils';
import { inputName, validationError } from '../http/http-error';
import type { IntegrationChanges } from '../store/integrations-store';

/** Where a secret is stored and reported (`secrets_configured`): its request path, dotted when nested. */
const secretName = (path: RequestPath) => path.join('.');

const label = (p: SpecProperty) => p.title ?? p.field;

function checkValue(p: SpecProperty, value: unknown): string | null {
  switch (p.type) {
    case 'string':
      return typeof value === 'string' ? null : `${label(p)} must be a string`;
    case 'number':
    case 'integer':
      return typeof value === 'number' ? null : `${label(p)} must be a number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${label(p)} must be true or false`;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? null
        : `${label(p)} must be an object`;
    default:
      return null;
  }
}

/** `{name: stored?}` for every secret of the spec, from the names the store says it holds. */
export function secretsConfigured(
  spec: IntegrationSpec,
  stored: Record<string, boolean> | undefined,
): Record<string, boolean> {
  const secrets = [...requestPaths(spec.properties)].filter(([p]) => p.secret).map(([, path]) => secretName(path));
  return Object.fromEntries(secrets.map((name) => [name, stored?.[name] === true]));
}

/** Request keys nobody asked for, and fields nobody asked for under a shared key. */
function unknownKeys(spec: IntegrationSpec, input: Record<string, unknown>, paths: RequestPath[]): ValidationIssue[] {
  const nested = new Map<string, string[]>();
  for (const [key, field] of paths) if (field !== undefined) nested.set(key, [...(nested.get(key) ?? []), field]);
  const keys = [...new Set(paths.map(([key]) => key))];
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(input)) {
    if (key === 'type') continue;
    if (!keys.includes(key)) {
      issues.push({
        loc: ['body', key],
        msg: `Unknown property "${inputName(key)}" for ${spec.label}. Allowed: ${keys.join(', ')}`,
        type: 'extra_forbidden',
      });
      continue;
    }
    const fields = nested.get(key);
    const value = input[key];
    if (!fields || value === undefined || value === null) continue;
    if (!isRecord(value)) {
      issues.push({ loc: ['body', key], msg: `${key} must be an object`, type: 'object_type' });
      continue;
    }
    for (const field of Object.keys(value).filter((f) => !fields.includes(f))) {
      issues.push({
        loc: ['body', key, field],
        msg: `Unknown property "${inputName(field)}" for ${spec.label}. Allowed: ${fields.join(', ')}`,
        type: 'extra_forbidden',
      });
    }
  }
  return issues;
}

/**
 * Checks properties against the spec and splits them into stored properties and secrets, each
 * read where the contract's map_to rule puts it (`requestPaths`).
 * `partial` (PUT): everything optional, a secret left out keeps its stored value. `stored`: the
 * integration now, so a PUT that sends one field of a shared key keeps the others stored under it.
 */
export function integrationChanges(
  spec: IntegrationSpec,
  input: Record<string, unknown>,
  partial: boolean,
  stored: Record<string, unknown> = {},
): IntegrationChanges {
  const properties: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  const known = requestPaths(spec.properties);
  const issues = unknownKeys(spec, input, [...known.values()]);
  for (const [p, path] of known) {
    const loc = ['body', ...path];
    let value = readAtPath(input, path);
    const present = value !== undefined;
    if (!present) {
      if (!partial && p.required) issues.push({ loc, msg: `${label(p)} is required`, type: 'missing' });
      continue;
    }
    if (value === null) {
      issues.push({
        loc,
        msg: p.secret
          ? `${label(p)} cannot be cleared; leave it out to keep the stored value, or disconnect the integration`
          : `${label(p)} cannot be null`,
        type: 'null_not_allowed',
      });
      continue;
    }
    const typeProblem = checkValue(p, value);
    if (typeProblem) {
      issues.push({ loc, msg: typeProblem, type: `${p.type}_type` });
      continue;
    }
    if (typeof value === 'string') {
      // Pasted keys often carry a stray space or newline; the service would refuse them.
      value = value.trim();
      if (p.required && value === '') {
        issues.push({
          loc,
          msg:
            partial && p.secret
              ? `${label(p)} cannot be blank; leave it out to keep the stored value`
              : `${label(p)} is required`,
          type: 'missing',
        });
        continue;
      }
    }
    if (p.secret) secrets[secretName(path)] = value as string;
    else writeAtPath(properties, path, value);
  }
  if (issues.length) throw validationError(issues);
  if (partial) {
    for (const [p, path] of known) {
      const [key, field] = path;
      if (field === undefined || p.secret || !Object.hasOwn(properties, key)) continue;
      const before = readAtPath(stored, path);
      if (readAtPath(properties, path) === undefined && before !== undefined) writeAtPath(properties, path, before);
    }
  }
  return { properties, secrets };
}
