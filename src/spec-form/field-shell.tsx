import type { ReactNode } from 'react';
import { MarkdownHelp } from './markdown-help';
import type { NormalizedProperty } from './types';

/** The ids of the texts that describe an input, for aria-describedby (error first: it matters most). */
export function describedBy(property: NormalizedProperty, id: string, error: string | undefined): string | undefined {
  const ids = [
    error ? `${id}-error` : '',
    property.note ? `${id}-note` : '',
    property.info ? `${id}-help` : '',
    property.info_md ? `${id}-md` : '',
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function RequiredMark({ required }: { required?: boolean }) {
  return required ? (
    <span className="sf-required" aria-hidden="true">
      *
    </span>
  ) : null;
}

/** The texts under an input: error, unsupported-type note, plain help and markdown help, each with its own id. */
export function FieldTexts({ property, id, error }: { property: NormalizedProperty; id: string; error?: string }) {
  return (
    <>
      {error ? (
        <p className="sf-error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        // A field that can say "is required" keeps a line for it, so the message never moves what is below.
        property.required && <p className="sf-error-slot" aria-hidden="true" />
      )}
      {property.note && (
        <p className="sf-note" id={`${id}-note`}>
          {property.note}
        </p>
      )}
      {property.info && (
        <p className="sf-help" id={`${id}-help`}>
          {property.info}
        </p>
      )}
      {property.info_md && <MarkdownHelp id={`${id}-md`} source={property.info_md} />}
    </>
  );
}

/** Label above, input, then the texts: the layout every single-input widget shares. */
export function FieldShell(props: { property: NormalizedProperty; id: string; error?: string; children: ReactNode }) {
  const { property, id, error, children } = props;
  return (
    <div className="sf-field">
      <label className="sf-label" htmlFor={id}>
        {property.title}
        <RequiredMark required={property.required} />
      </label>
      {children}
      <FieldTexts property={property} id={id} error={error} />
    </div>
  );
}

/** The message of a field's error, whether it sits on the field itself or (from a server) anywhere below it. */
export function errorMessageOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}
