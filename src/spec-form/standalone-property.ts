import { useMemo } from 'react';
import type { SpecProperty } from '../api/contract';
import { isNormalizedProperty, normalizeProperties } from './normalize-properties';
import type { NormalizedProperty } from './types';

const fallback: NormalizedProperty = { field: 'value', name: 'value', type: 'string', title: 'Value', kind: 'string' };

/** Lets the exported widgets take a raw spec property as well as a normalized one. */
export function useNormalizedProperty(property: SpecProperty | NormalizedProperty): NormalizedProperty {
  return useMemo(() => {
    if (isNormalizedProperty(property)) return property;
    return normalizeProperties([property])[0] ?? fallback;
  }, [property]);
}
