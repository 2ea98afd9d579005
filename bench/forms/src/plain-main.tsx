import { createRoot } from 'react-dom/client';
import type { SpecProperty } from '../../../src/api/contract';
import { markUsableWhenPresent, pageSpec } from './bench-page';

/** The floor: uncontrolled native elements, no MUI, no form library, no validation. */
function PlainField({ property }: { property: SpecProperty }) {
  const id = property.field;
  const label = property.title ?? property.field;
  if (property.type === 'boolean')
    return (
      <div className="field">
        <label htmlFor={id}>
          <input id={id} name={id} type="checkbox" defaultChecked={property.default === true} /> {label}
        </label>
      </div>
    );
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {property.required ? ' *' : ''}
      </label>
      {property.type === 'enum' ? (
        <select id={id} name={id} required={property.required}>
          <option value="">Select…</option>
          {(property.values ?? []).map((option) => (
            <option key={String(option.value)} value={String(option.value)}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={id}
          type={property.secret ? 'password' : 'text'}
          inputMode={property.type === 'integer' ? 'numeric' : undefined}
          placeholder={property.placeholder}
          required={property.required}
        />
      )}
      {property.info && <small>{property.info}</small>}
    </div>
  );
}

const spec = pageSpec();
markUsableWhenPresent(spec, (field) => field);
createRoot(document.getElementById('root') as HTMLElement).render(
  <form noValidate aria-label="Generated specification">
    {spec.map((property) => (
      <PlainField key={property.field} property={property} />
    ))}
    <button type="submit">Save</button>
  </form>,
);
