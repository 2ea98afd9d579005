import { memo, useMemo, type ComponentType } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { SpecProperty } from '../api/contract';
import { kindRecords } from './kinds';
import { normalizeProperties } from './normalize-properties';
import { EnsureSpecFormRoot } from './spec-form-root';
import type { FieldKind, NormalizedProperty, SpecFormValues } from './types';
import type { WidgetProps } from './widget-props';

export interface SpecFieldsProps {
  properties: readonly SpecProperty[] | readonly NormalizedProperty[];
  form: UseFormReturn<SpecFormValues>;
  disabled?: boolean;
  /** Prepended to each field name to make the input ids unique on the page. */
  idPrefix?: string;
  /** Widgets that replace a kind's default one (react-admin style): `{ string: MyTextWidget }`. Pass a stable object. */
  widgets?: WidgetOverrides;
  /** Widgets for single fields by spec `field`, ahead of `widgets`: `{ channel: ChannelSelect }`. Stable, too. */
  fieldWidgets?: Readonly<Record<string, ComponentType<WidgetProps>>>;
}

export type WidgetOverrides = Readonly<Partial<Record<FieldKind, ComponentType<WidgetProps>>>>;

type Overrides = Pick<SpecFieldsProps, 'widgets' | 'fieldWidgets'>;

function widgetFor(property: NormalizedProperty, { widgets, fieldWidgets }: Overrides): ComponentType<WidgetProps> {
  const byField =
    fieldWidgets && Object.hasOwn(fieldWidgets, property.field) ? fieldWidgets[property.field] : undefined;
  return byField ?? widgets?.[property.kind] ?? kindRecords[property.kind].Widget;
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
const SpecField = memo(function SpecField({ Widget, ...props }: WidgetProps & { Widget: ComponentType<WidgetProps> }) {
  return <Widget {...props} />;
});

const GroupSection = memo(function GroupSection(props: {
  section: Section;
  form: UseFormReturn<SpecFormValues>;
  disabled?: boolean;
  idPrefix: string;
  overrides: Overrides;
}) {
  const { section, form, disabled, idPrefix, overrides } = props;
  const fields = section.properties.map((property) => (
    <SpecField
      key={property.name}
      Widget={widgetFor(property, overrides)}
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
 * Renders every property of a spec with its kind's widget (or the caller's override), grouped: properties sharing a `group.name` form a
 * fieldset with the name as its legend, outlined when `outline` is true. Each field subscribes only to its own
 * state, so a 500-property spec stays responsive while typing.
 */
export function SpecFields({ properties, form, disabled, idPrefix = '', widgets, fieldWidgets }: SpecFieldsProps) {
  const sections = useMemo(() => groupProperties(normalizeProperties(properties)), [properties]);
  const overrides = useMemo(() => ({ widgets, fieldWidgets }), [widgets, fieldWidgets]);
  return (
    <EnsureSpecFormRoot>
      {sections.map((section) => (
        <GroupSection
          key={section.key}
          section={section}
          form={form}
          disabled={disabled}
          idPrefix={idPrefix}
          overrides={overrides}
        />
      ))}
    </EnsureSpecFormRoot>
  );
}
