import type { UseFormSetError } from 'react-hook-form';
import { requestPaths, type SpecProperty, type ValidationIssue } from '../api/contract';
import { normalizeProperties } from './normalize-properties';
import type { NormalizedProperty, SpecFormValues } from './types';

/** The field a `loc` names: `[..., key]` for a property alone under its request key, `[..., key, field]` for shared. */
function fieldForLoc(properties: NormalizedProperty[], loc: readonly (string | number)[]): string | undefined {
  const path = loc[0] === 'body' ? loc.slice(1) : loc;
  const paths = requestPaths(properties);
  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index];
    if (typeof segment !== 'string') continue;
    const next = path[index + 1];
    for (const property of properties) {
      const [key, nested] = paths.get(property) ?? [property.field];
      if (segment === key && (nested === undefined || next === nested)) return property.name;
    }
  }
  // Some servers report nested fields without their parent (["body", "routing_key"]).
  const last = path.findLast((segment): segment is string => typeof segment === 'string');
  return properties.find((property) => property.field === last)?.name;
}

/**
 * Puts server `detail` issues onto the matching fields (loc like ["body", "api_access_token"] or
 * ["body", "parameters", "routing_key"]) and returns the messages that match no field, for the caller to show above
 * the form. Values are untouched, so everything typed stays. The first matched field gets focus.
 */
export function applyServerErrors(
  properties: readonly SpecProperty[] | unknown,
  issues: readonly ValidationIssue[],
  setError: UseFormSetError<SpecFormValues>,
): string[] {
  const normalized = normalizeProperties(properties);
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const issue of issues) {
    const field = Array.isArray(issue.loc) ? fieldForLoc(normalized, issue.loc) : undefined;
    if (!field) {
      unmatched.push(issue.msg);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), issue.msg]);
  }
  let first = true;
  for (const [field, messages] of byField) {
    setError(field, { type: 'server', message: messages.join(' ') }, { shouldFocus: first });
    first = false;
  }
  return unmatched;
}
