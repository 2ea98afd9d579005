import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { useEffect, useRef, useState } from 'react';
import { useController, type Control } from 'react-hook-form';
import type { SpecProperty } from '../api/contract';
import { describedBy, errorMessageOf, FieldTexts, RequiredMark } from './field-shell';
import { toSecretValue } from './field-values';
import { EnsureSpecFormRoot } from './spec-form-root';
import { useNormalizedProperty } from './standalone-property';
import type { NormalizedProperty, SecretValue, SpecFormValues } from './types';

export interface SecretFieldProps {
  property: SpecProperty | NormalizedProperty;
  control: Control<SpecFormValues>;
  disabled?: boolean;
  /** DOM id of the input; defaults to the field name. */
  id?: string;
}

type FocusTarget = 'input' | 'replace' | 'undo' | null;

/**
 * A secret (routing key, token) in one of four states; see `SecretValue`. A stored secret is never shown, not even
 * as a mask: the field says "Configured" and offers Replace (and Clear when optional). The reveal toggle only ever
 * shows what the user typed in this form.
 */
export function SecretField(props: SecretFieldProps) {
  const property = useNormalizedProperty(props.property);
  const { control, disabled } = props;
  const id = props.id ?? property.field;
  const { field, fieldState } = useController({ control, name: property.name });
  const secret = toSecretValue(field.value);
  const error = errorMessageOf(fieldState.error);
  const [revealed, setRevealed] = useState(false);
  const focusNext = useRef<FocusTarget>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const replaceRef = useRef<HTMLButtonElement | null>(null);
  const undoRef = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'input') inputRef.current?.focus();
    if (target === 'replace') replaceRef.current?.focus();
    if (target === 'undo') undoRef.current?.focus();
  }, [secret.state]);

  const change = (next: SecretValue, focus: FocusTarget) => {
    focusNext.current = focus;
    setRevealed(false);
    field.onChange(next);
    // Leaving the input (Keep current, Clear, Undo) re-validates, so a "required" message from a blank replacement
    // does not linger beside a Configured key. Replace does not: an empty new box is not an error yet.
    if (next.state !== 'replacing') field.onBlur();
  };

  const labelId = `${id}-label`;
  const texts = <FieldTexts property={property} id={id} error={error} />;
  const describedIds = describedBy(property, id, error);

  if (secret.state === 'configured' || secret.state === 'cleared') {
    const configured = secret.state === 'configured';
    return (
      <EnsureSpecFormRoot>
        <div className="sf-field" role="group" aria-labelledby={labelId} aria-describedby={describedIds}>
          <span className="sf-label" id={labelId}>
            {property.title}
            <RequiredMark required={property.required} />
          </span>
          <div className="sf-input-row">
            {configured ? (
              <>
                <span className="sf-tag">Configured</span>
                <Button
                  size="small"
                  variant="outlined"
                  disabled={disabled}
                  ref={(element: HTMLButtonElement | null) => {
                    replaceRef.current = element;
                    field.ref(element);
                  }}
                  onClick={() => change({ state: 'replacing', value: '' }, 'input')}
                  aria-label={`Replace ${property.title}`}
                >
                  Replace
                </Button>
                {!property.required && (
                  <Button
                    size="small"
                    color="error"
                    disabled={disabled}
                    onClick={() => change({ state: 'cleared', value: '' }, 'undo')}
                    aria-label={`Clear ${property.title}`}
                  >
                    Clear
                  </Button>
                )}
              </>
            ) : (
              <>
                <span className="sf-help" role="status">
                  Will be removed when you save
                </span>
                <Button
                  size="small"
                  disabled={disabled}
                  ref={(element: HTMLButtonElement | null) => {
                    undoRef.current = element;
                    field.ref(element);
                  }}
                  onClick={() => change({ state: 'configured', value: '' }, 'replace')}
                  aria-label={`Undo clearing ${property.title}`}
                >
                  Undo
                </Button>
              </>
            )}
          </div>
          {texts}
        </div>
      </EnsureSpecFormRoot>
    );
  }

  const replacing = secret.state === 'replacing';
  return (
    <EnsureSpecFormRoot>
      <div className="sf-field">
        <label className="sf-label" htmlFor={id} id={labelId}>
          {replacing ? `New ${property.title}` : property.title}
          <RequiredMark required={property.required} />
        </label>
        <div className="sf-input-row">
          <input
            id={id}
            className="sf-input"
            name={field.name}
            type={revealed ? 'text' : 'password'}
            value={secret.value}
            placeholder={property.placeholder}
            disabled={disabled}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            aria-required={property.required || undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedIds}
            ref={(element) => {
              inputRef.current = element;
              field.ref(element);
            }}
            onChange={(event) => field.onChange({ state: secret.state, value: event.target.value })}
            onBlur={field.onBlur}
          />
          <IconButton
            aria-label={`${revealed ? 'Hide' : 'Show'} ${property.title}`}
            aria-pressed={revealed}
            onClick={() => setRevealed((shown) => !shown)}
            disabled={disabled}
          >
            {revealed ? <VisibilityOff /> : <Visibility />}
          </IconButton>
          {replacing && (
            <Button
              size="small"
              disabled={disabled}
              onClick={() => change({ state: 'configured', value: '' }, 'replace')}
              sx={{ flexShrink: 0 }}
            >
              Keep current
            </Button>
          )}
        </div>
        {texts}
      </div>
    </EnsureSpecFormRoot>
  );
}
