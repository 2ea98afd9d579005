import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { triggerTypeLabels, type Flow } from '../../api/contract';
import { TriggerTypeSelect } from '../../features/flow-actions';
import { NativeSelectField, OutlinedField } from '../../shared/fields';
import type { FlowChoice as Choice } from './wizard-storage';

export interface FlowChoiceProps {
  value: Choice;
  onChange(value: Choice): void;
  flows: readonly Flow[];
  errors: { name?: string; flowId?: string };
}

/** Said before saving: a flow that already pages gets another PagerDuty action, not a replacement. */
function addsAnother(flow: Flow): string | undefined {
  const count = flow.actions.filter((action) => action.type === 'PagerDuty').length;
  if (count === 0) return undefined;
  const has = count === 1 ? 'a PagerDuty action' : `${count} PagerDuty actions`;
  return `“${flow.name}” already has ${has}; this adds ${count === 1 ? 'a second one, and both send' : 'another one, and all send'}.`;
}

/** Which flow the notification belongs to: one that exists, or a new one named here. */
export function FlowChoice({ value, onChange, flows, errors }: FlowChoiceProps) {
  const chosen = value.mode === 'existing' ? flows.find((flow) => flow.id === value.flowId) : undefined;
  return (
    <Stack spacing={2}>
      <FormControl>
        <FormLabel id="flow-choice-label">Send this notification from</FormLabel>
        <RadioGroup
          row
          aria-labelledby="flow-choice-label"
          value={value.mode}
          onChange={(e) =>
            onChange(
              e.target.value === 'existing'
                ? { mode: 'existing', flowId: flows[0]?.id ?? null }
                : { mode: 'new', name: '', trigger_type: 'anomaly' },
            )
          }
        >
          <FormControlLabel value="new" control={<Radio />} label="A new flow" />
          <FormControlLabel
            value="existing"
            control={<Radio />}
            label="An existing flow"
            disabled={flows.length === 0}
          />
        </RadioGroup>
      </FormControl>
      {value.mode === 'new' ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <OutlinedField
            id="wizard-flow-name"
            label="Flow name"
            required
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
            error={Boolean(errors.name)}
            helperText={errors.name ?? 'For example "Orders freshness".'}
            fullWidth
            inputProps={{ maxLength: 200 }}
          />
          <TriggerTypeSelect
            id="wizard-flow-trigger"
            value={value.trigger_type}
            onChange={(trigger_type) => onChange({ ...value, trigger_type })}
          />
        </Stack>
      ) : (
        <NativeSelectField
          id="wizard-flow-existing"
          label="Flow"
          required
          value={flows.some((f) => f.id === value.flowId) ? (value.flowId ?? '') : ''}
          onChange={(e) => onChange({ mode: 'existing', flowId: e.target.value ? Number(e.target.value) : null })}
          error={Boolean(errors.flowId)}
          helperText={errors.flowId ?? (chosen ? addsAnother(chosen) : undefined)}
          fullWidth
        >
          <option value="" disabled>
            Choose a flow
          </option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name} ({triggerTypeLabels[flow.trigger_type]})
            </option>
          ))}
        </NativeSelectField>
      )}
    </Stack>
  );
}
