import type { IntegrationSpec, SpecProperty, ValidationIssue } from '../../src/api/contract';
import { inputName, validationError } from '../http/http-error';
import type { IntegrationChanges } from '../store/integrations-store';

const keyOf = (p: SpecProperty) => p.map_to ?? p.field;
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

/**
 * Checks properties against the spec and splits them into stored properties and secrets.
 * `partial` (PUT): everything optional, a secret left out keeps its stored value.
 */
export function integrationChanges(
  spec: IntegrationSpec,
  input: Record<string, unknown>,
  partial: boolean,
): IntegrationChanges {
  const issues: ValidationIssue[] = [];
  const properties: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  const known = new Map(spec.properties.map((p) => [keyOf(p), p]));
  for (const key of Object.keys(input)) {
    if (key === 'type') continue;
    if (!known.has(key)) {
      issues.push({
        loc: ['body', key],
        msg: `Unknown property "${inputName(key)}" for ${spec.label}. Allowed: ${[...known.keys()].join(', ')}`,
        type: 'extra_forbidden',
      });
    }
  }
  for (const [key, p] of known) {
    const present = Object.hasOwn(input, key) && input[key] !== undefined;
    let value = input[key];
    if (!present) {
      if (!partial && p.required) issues.push({ loc: ['body', key], msg: `${label(p)} is required`, type: 'missing' });
      continue;
    }
    if (value === null) {
      issues.push({
        loc: ['body', key],
        msg: p.secret
          ? `${label(p)} cannot be cleared; leave it out to keep the stored value, or disconnect the integration`
          : `${label(p)} cannot be null`,
        type: 'null_not_allowed',
      });
      continue;
    }
    const typeProblem = checkValue(p, value);
    if (typeProblem) {
      issues.push({ loc: ['body', key], msg: typeProblem, type: `${p.type}_type` });
      continue;
    }
    if (typeof value === 'string') {
      // Pasted keys often carry a stray space or newline; PagerDuty would refuse them.
      value = value.trim();
      if (p.required && value === '') {
        issues.push({
          loc: ['body', key],
          msg:
            partial && p.secret
              ? `${label(p)} cannot be blank; leave it out to keep the stored value`
              : `${label(p)} is required`,
          type: 'missing',
        });
        continue;
      }
    }
    if (p.secret) secrets[key] = value as string;
    else properties[key] = value;
  }
  if (issues.length) throw validationError(issues);
  return { properties, secrets };
}
