import { useFormState } from 'react-hook-form';
import { describedBy, errorMessageOf, FieldShell, FieldTexts, RequiredMark } from './field-shell';
import { findOption } from './field-values';
import type { WidgetProps } from './widget-props';

function useFieldError({ control, property }: Pick<WidgetProps, 'control' | 'property'>): string | undefined {
  // Subscribing by name keeps a validation of another field from re-rendering this one.
  const { errors } = useFormState({ control, name: property.name, exact: true });
  return errorMessageOf(errors[property.name]);
}

/** string, integer, number and unknown types: an uncontrolled text input, so typing re-renders nothing. */
export function TextWidget({ property, control, register, disabled, id }: WidgetProps) {
  const error = useFieldError({ control, property });
  const numeric = property.kind === 'integer' || property.kind === 'number';
  return (
    <FieldShell property={property} id={id} error={error}>
      <input
        id={id}
        className="sf-input"
        type="text"
        inputMode={property.kind === 'integer' ? 'numeric' : numeric ? 'decimal' : undefined}
        placeholder={property.placeholder}
        disabled={disabled}
        aria-required={property.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(property, id, error)}
        {...register(property.name)}
      />
    </FieldShell>
  );
}

/** enum: a native select, far lighter than a menu-based one and fully keyboard/screen-reader friendly. */
export function EnumWidget({ property, control, register, disabled, id }: WidgetProps) {
  const error = useFieldError({ control, property });
  const options = property.values ?? [];
  const hasDefault = findOption(property, property.default) !== undefined;
  return (
    <FieldShell property={property} id={id} error={error}>
      <select
        id={id}
        className="sf-input"
        disabled={disabled}
        aria-required={property.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(property, id, error)}
        {...register(property.name)}
      >
        {!hasDefault && <option value="">{property.placeholder ?? (property.required ? 'Select…' : 'Not set')}</option>}
        {options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** boolean: a native checkbox with its label beside it. */
export function BooleanWidget({ property, control, register, disabled, id }: WidgetProps) {
  const error = useFieldError({ control, property });
  return (
    <div className="sf-field">
      <label className="sf-check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(property, id, error)}
          {...register(property.name)}
        />
        <span className="sf-label">
          {property.title}
          <RequiredMark required={property.required} />
        </span>
      </label>
      <FieldTexts property={property} id={id} error={error} />
    </div>
  );
}
