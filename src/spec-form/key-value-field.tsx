import AddIcon from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useController, useFormState, type Control } from 'react-hook-form';
import type { SpecProperty } from '../api/contract';
import { errorMessageOf, FieldTexts, RequiredMark } from './field-shell';
import {
  jsonObjectError,
  newRowId,
  objectToRows,
  parseJsonObject,
  rowSummary,
  rowsToObject,
  toKeyValueValue,
} from './key-value-codec';
import { EnsureSpecFormRoot } from './spec-form-root';
import { useNormalizedProperty } from './standalone-property';
import type { KeyValueRow, KeyValueValue, NormalizedProperty, SpecFormValues } from './types';

export interface KeyValueFieldProps {
  property: SpecProperty | NormalizedProperty;
  control: Control<SpecFormValues>;
  disabled?: boolean;
  /** Prefix of the DOM ids; defaults to the field name. */
  id?: string;
}

function rowKeyError(error: unknown, index: number): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const rows = (error as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) return undefined;
  const row: unknown = rows[index];
  return typeof row === 'object' && row !== null ? errorMessageOf((row as { key?: unknown }).key) : undefined;
}

/** Rows for an object parsed from JSON, reusing the ids of rows whose key survived so React keeps their inputs. */
function rowsFromObject(value: Record<string, unknown>, previous: readonly KeyValueRow[]): KeyValueRow[] {
  const idsByKey = new Map(previous.map((row) => [row.key.trim(), row.id]));
  return objectToRows(value).map((row) => ({ ...row, id: idsByKey.get(row.key) ?? row.id }));
}

function rowsAreClean(rows: readonly KeyValueRow[]): boolean {
  const keys = rows.map((row) => row.key.trim());
  return keys.every((key) => key !== '') && new Set(keys).size === keys.length;
}

/**
 * The editor of an object property (e.g. an action's "Additional Details"): rows of Key and Value with stable ids,
 * so renaming a key never moves focus, and an "Edit as JSON" view that round-trips with the rows. Row values follow
 * `parseRowValue`: valid JSON is sent as JSON, anything else as text.
 */
export function KeyValueField(props: KeyValueFieldProps) {
  const property = useNormalizedProperty(props.property);
  const { control, disabled } = props;
  const id = props.id ?? property.field;
  const { field, fieldState } = useController({ control, name: property.name });
  const { isSubmitted } = useFormState({ control });
  // Memoised on the raw value: a value given as a plain object gets row ids once, not on every render.
  const value = useMemo(() => toKeyValueValue(field.value), [field.value]);
  const [blurredRows, setBlurredRows] = useState<ReadonlySet<string>>(() => new Set());
  const [switchError, setSwitchError] = useState<string | null>(null);
  const focusRowId = useRef<string | null>(null);
  const focusAdd = useRef(false);
  const addRef = useRef<HTMLButtonElement | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (focusRowId.current) {
      const wanted = focusRowId.current;
      // Compared in JS rather than in a selector: ids restored from a draft may hold any character.
      const inputs = rootRef.current?.querySelectorAll<HTMLInputElement>('[data-row-key]') ?? [];
      Array.from(inputs)
        .find((input) => input.dataset.rowKey === wanted)
        ?.focus();
      focusRowId.current = null;
    } else if (focusAdd.current) {
      addRef.current?.focus();
      focusAdd.current = false;
    }
  });

  const update = (next: KeyValueValue) => field.onChange(next);
  const setRows = (rows: KeyValueRow[]) => update({ rows, jsonText: null });
  const changeRow = (rowId: string, patch: Partial<KeyValueRow>) =>
    setRows(value.rows.map((row) => (row.id === rowId ? { ...row, ...patch } : row)));

  const addRow = () => {
    const row = { id: newRowId(), key: '', value: '' };
    focusRowId.current = row.id;
    setRows([...value.rows, row]);
  };
  const removeRow = (index: number) => {
    const next = value.rows.filter((_, at) => at !== index);
    const neighbour = next[index] ?? next[index - 1];
    if (neighbour) focusRowId.current = neighbour.id;
    else focusAdd.current = true;
    setRows(next);
    field.onBlur();
  };

  const jsonMode = value.jsonText !== null;
  const toggleJson = () => {
    if (!jsonMode) {
      if (!rowsAreClean(value.rows)) {
        setSwitchError('Give every row a key, each one different, before editing as JSON');
        return;
      }
      setSwitchError(null);
      update({ rows: value.rows, jsonText: JSON.stringify(rowsToObject(value.rows), null, 2) });
      return;
    }
    const parsed = parseJsonObject(value.jsonText ?? '');
    if (!parsed.ok) {
      setSwitchError(jsonObjectError(property.title));
      return;
    }
    setSwitchError(null);
    setRows(rowsFromObject(parsed.value, value.rows));
  };

  const changeJson = (text: string) => {
    const parsed = parseJsonObject(text);
    if (parsed.ok) setSwitchError(null);
    update({ rows: parsed.ok ? rowsFromObject(parsed.value, value.rows) : value.rows, jsonText: text });
  };

  const labelId = `${id}-label`;
  const rowErrorShown = value.rows.some(
    (row, index) => (isSubmitted || blurredRows.has(row.id)) && rowKeyError(fieldState.error, index),
  );
  const ownError = errorMessageOf(fieldState.error);
  // The summary of row problems waits until a row's own message is visible, so it never precedes its reason.
  const fieldError = switchError ?? (ownError === rowSummary && !rowErrorShown ? undefined : ownError);
  const jsonId = `${id}-json`;

  return (
    <EnsureSpecFormRoot>
      <div className="sf-field" role="group" aria-labelledby={labelId} ref={rootRef}>
        <div className="sf-input-row" style={{ justifyContent: 'space-between' }}>
          <span className="sf-label" id={labelId}>
            {property.title}
            <RequiredMark required={property.required} />
          </span>
          <Button size="small" onClick={toggleJson} disabled={disabled} aria-pressed={jsonMode}>
            Edit as JSON
          </Button>
        </div>
        {jsonMode ? (
          <>
            <label className="sf-help" htmlFor={jsonId}>
              {property.title} as JSON
            </label>
            <textarea
              id={jsonId}
              className="sf-input"
              rows={Math.min(12, Math.max(4, (value.jsonText ?? '').split('\n').length + 1))}
              value={value.jsonText ?? ''}
              disabled={disabled}
              spellCheck={false}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${id}-error` : undefined}
              ref={(element) => field.ref(element)}
              onChange={(event) => changeJson(event.target.value)}
              onBlur={() => field.onBlur()}
            />
          </>
        ) : (
          <>
            {value.rows.length === 0 && <p className="sf-help">No entries yet.</p>}
            {value.rows.map((row, index) => {
              const showError = isSubmitted || blurredRows.has(row.id);
              const keyError = showError ? rowKeyError(fieldState.error, index) : undefined;
              const keyId = `${id}-${row.id}-key`;
              return (
                <div key={row.id} className="sf-input-row" style={{ alignItems: 'flex-start' }}>
                  <div className="sf-field" style={{ flex: 1 }}>
                    <input
                      id={keyId}
                      data-row-key={row.id}
                      className="sf-input"
                      aria-label={`Key ${index + 1}`}
                      placeholder="Key"
                      value={row.key}
                      disabled={disabled}
                      spellCheck={false}
                      autoComplete="off"
                      aria-invalid={keyError ? true : undefined}
                      aria-describedby={keyError ? `${keyId}-error` : undefined}
                      ref={index === 0 ? field.ref : undefined}
                      onChange={(event) => changeRow(row.id, { key: event.target.value })}
                      onBlur={() => {
                        setBlurredRows((current) => new Set(current).add(row.id));
                        field.onBlur();
                      }}
                    />
                    {keyError && (
                      <p className="sf-error" id={`${keyId}-error`}>
                        {keyError}
                      </p>
                    )}
                  </div>
                  <input
                    className="sf-input"
                    style={{ flex: 2 }}
                    aria-label={`Value ${index + 1}`}
                    placeholder="Value"
                    value={row.value}
                    disabled={disabled}
                    autoComplete="off"
                    onChange={(event) => changeRow(row.id, { value: event.target.value })}
                    onBlur={field.onBlur}
                  />
                  <IconButton
                    // Named by position as well as key: two rows with the same key must not share a name.
                    aria-label={`Remove row ${index + 1}${row.key.trim() ? ` (${row.key.trim()})` : ''}`}
                    onClick={() => removeRow(index)}
                    disabled={disabled}
                  >
                    <DeleteOutlined />
                  </IconButton>
                </div>
              );
            })}
            <div>
              <Button
                size="small"
                startIcon={<AddIcon />}
                onClick={addRow}
                disabled={disabled}
                ref={(element: HTMLButtonElement | null) => {
                  addRef.current = element;
                  // With no rows, focusing the field (e.g. for a server error) lands on Add row.
                  if (value.rows.length === 0) field.ref(element);
                }}
              >
                Add row
              </Button>
            </div>
          </>
        )}
        <FieldTexts property={property} id={id} error={fieldError} />
      </div>
    </EnsureSpecFormRoot>
  );
}
