import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { SpecProperty } from '../../../src/api/contract';

/** The same properties as a JSON Schema + uiSchema, the way an rjsf user would describe them. */
export function toJsonSchema(spec: readonly SpecProperty[]): { schema: RJSFSchema; uiSchema: UiSchema } {
  const properties: Record<string, RJSFSchema> = {};
  const uiSchema: UiSchema = {};
  for (const property of spec) {
    const common = {
      title: property.title ?? property.field,
      ...(property.info ? { description: property.info } : {}),
    };
    if (property.secret) {
      properties[property.field] = { ...common, type: 'string' };
      uiSchema[property.field] = { 'ui:widget': 'password' };
    } else if (property.type === 'enum') {
      properties[property.field] = {
        ...common,
        type: 'string',
        oneOf: (property.values ?? []).map((option) => ({ const: String(option.value), title: option.label })),
      };
    } else if (property.type === 'boolean') {
      properties[property.field] = { ...common, type: 'boolean', default: property.default === true };
    } else if (property.type === 'integer') {
      properties[property.field] = { ...common, type: 'integer' };
      uiSchema[property.field] = { 'ui:placeholder': property.placeholder };
    } else {
      properties[property.field] = { ...common, type: 'string' };
      if (property.placeholder) uiSchema[property.field] = { 'ui:placeholder': property.placeholder };
    }
  }
  const required = spec.filter((property) => property.required).map((property) => property.field);
  return { schema: { type: 'object', properties, required }, uiSchema };
}
