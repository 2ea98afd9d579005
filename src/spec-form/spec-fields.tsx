import { memo, useMemo } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { SpecProperty } from '../api/contract';
import { fieldRegistry } from './field-registry';
import { normalizeProperties } from './normalize-properties';
import { EnsureSpecFormRoot } from './spec-form-root';
import type { NormalizedProperty, SpecFormValues } from './types';
import type { WidgetProps } from './widget-props';

export interface SpecFieldsProps {
  properties: readonly SpecProperty[] | readonly NormalizedProperty[];
  form: UseFormReturn<SpecFormValues>;
  disabled?: boolean;
  /** Prepended to each field name to make the input ids unique on the page. */
  idPrefix?: string;
}

type Section = { key: string; name?: string; outline: boolean; properties: NormalizedProperty[] };

/** Properties with the same group name sit together, at the place the group first appears; ungrouped runs stay put. */
export function groupProperties(properties: readonly NormalizedProperty[]): Section[] {
  const sections: Section[] = [];
  const byName = new Map<string, Section>();
  let loose: Section | undefined;
  for (const property of properties) {
    const name = property.group?.name;
    if (!name) {
      if (!loose) {
        loose = { key: `loose-${sections.length}`, outline: false, properties: [] };
        sections.push(loose);
      }
      loose.properties.push(property);
      continue;
    }
    loose = undefined;
    let section = byName.get(name);
    if (!section) {
      section = { key: `group-${name}`, name, outline: false, properties: [] };
      byName.set(name, section);
      sections.push(section);
    }
    section.outline ||= property.group?.outline === true;
    section.properties.push(property);
  }
  return sections;
}

/** One field; memoised on its props so typing elsewhere (or a parent re-render) does not re-render it. */
const SpecField = memo(function SpecField(props: WidgetProps) {
  const Widget = fieldRegistry[props.property.kind];
  return <Widget {...props} />;
});

const GroupSection = memo(function GroupSection(props: {
  section: Section;
  form: UseFormReturn<SpecFormValues>;
  disabled?: boolean;
  idPrefix: string;
}) {
  const { section, form, disabled, idPrefix } = props;
  const fields = section.properties.map((property) => (
    <SpecField
      key={property.name}
      property={property}
      control={form.control}
      register={form.register}
      disabled={disabled}
      id={`${idPrefix}${property.field}`}
    />
  ));
  if (!section.name) return <>{fields}</>;
  return (
    <fieldset className={section.outline ? 'sf-group sf-group-outlined' : 'sf-group'}>
      <legend className="sf-group-title">{section.name}</legend>
      {fields}
    </fieldset>
  );
});

/**
 * Renders every property of a spec through the field registry, grouped: properties sharing a `group.name` form a
 * fieldset with the name as its legend, outlined when `outline` is true. Each field subscribes only to its own
 * state, so a 500-property spec stays responsive while typing.
 */
export function SpecFields({ properties, form, disabled, idPrefix = '' }: SpecFieldsProps) {
  const sections = useMemo(() => groupProperties(normalizeProperties(properties)), [properties]);
  return (
    <EnsureSpecFormRoot>
      {sections.map((section) => (
        <GroupSection key={section.key} section={section} form={form} disabled={disabled} idPrefix={idPrefix} />
      ))}
    </EnsureSpecFormRoot>
  );
}
