import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { deliveryKindSchema, deliveryStatusSchema } from '../../api/contract';
import { NativeSelectField } from '../../shared/fields';
import { kindLabels, statusLabels } from './describe-delivery';
import { parseLogFilters, timeRanges, type LogFilters } from './delivery-filters';

export interface DeliveryFilterBarProps {
  value: LogFilters;
  onChange(next: LogFilters): void;
  /** The flows to filter by; undefined when the server offers no flows. */
  flows: readonly { id: number; name: string }[] | undefined;
}

function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  children: ReactNode;
}) {
  return (
    <NativeSelectField
      size="small"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={{ minWidth: 170 }}
    >
      {children}
    </NativeSelectField>
  );
}

/** Native selects: the keyboard, screen readers and phones all know them. */
export function DeliveryFilterBar({ value, onChange, flows }: DeliveryFilterBarProps) {
  // Through the same parser as the address bar, so a value the log cannot filter by never gets in.
  const set = (name: keyof LogFilters, raw: string) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...value, [name]: raw })) if (v) search.set(k, String(v));
    onChange(parseLogFilters(search));
  };
  const any = Object.keys(value).length > 0;
  return (
    <Box
      role="search"
      aria-label="Filter deliveries"
      sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}
    >
      <Select label="Status" value={value.status ?? ''} onChange={(v) => set('status', v)}>
        <option value="">All statuses</option>
        {deliveryStatusSchema.options.map((s) => (
          <option key={s} value={s}>
            {statusLabels[s]}
          </option>
        ))}
      </Select>
      <Select label="Kind" value={value.kind ?? ''} onChange={(v) => set('kind', v)}>
        <option value="">All kinds</option>
        {deliveryKindSchema.options.map((k) => (
          <option key={k} value={k}>
            {kindLabels[k]}
          </option>
        ))}
      </Select>
      {flows && (
        <Select label="Flow" value={value.flow ? String(value.flow) : ''} onChange={(v) => set('flow', v)}>
          <option value="">All flows</option>
          {flows.map((f) => (
            <option key={f.id} value={String(f.id)}>
              {f.name}
            </option>
          ))}
        </Select>
      )}
      <Select label="Time" value={value.time ?? ''} onChange={(v) => set('time', v)}>
        <option value="">Any time</option>
        {Object.entries(timeRanges).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </Select>
      {any && <Button onClick={() => onChange({})}>Clear filters</Button>}
    </Box>
  );
}
