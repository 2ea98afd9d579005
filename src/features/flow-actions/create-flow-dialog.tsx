import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { Controller, useForm } from 'react-hook-form';
import { isApiError } from '../../api/api-error';
import type { Flow } from '../../api/contract';
import { OutlinedField } from '../../shared/fields';
import { newFlowSchema, type NewFlowValues } from './flow-form-schema';
import { TriggerTypeSelect } from './trigger-type-select';
import { useCreateFlow } from './use-flow-mutations';

export interface CreateFlowDialogProps {
  open: boolean;
  onClose(): void;
  onCreated(flow: Flow): void;
}

export function CreateFlowDialog({ open, onClose, onCreated }: CreateFlowDialogProps) {
  const create = useCreateFlow();
  const form = useForm<NewFlowValues>({
    resolver: zodResolver(newFlowSchema),
    defaultValues: { name: '', trigger_type: 'anomaly' },
  });
  const submit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (flow) => {
        form.reset();
        onCreated(flow);
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        for (const issue of error.fieldErrors) {
          const field = issue.loc.at(-1);
          if (field === 'name' || field === 'trigger_type')
            form.setError(field, { type: 'server', message: issue.msg });
        }
      },
    }),
  );
  const unmatched = create.error && (!isApiError(create.error) || create.error.fieldErrors.length === 0);

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="create-flow-title" fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="create-flow-title">Create flow</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {unmatched && <Alert severity="error">{create.error.message}</Alert>}
            <Controller
              control={form.control}
              name="name"
              render={({ field: { ref, ...field }, fieldState }) => (
                <OutlinedField
                  {...field}
                  inputRef={ref}
                  id="create-flow-name"
                  label="Name"
                  required
                  error={Boolean(fieldState.error)}
                  helperText={fieldState.error?.message}
                  fullWidth
                />
              )}
            />
            <Controller
              control={form.control}
              name="trigger_type"
              render={({ field, fieldState }) => (
                <TriggerTypeSelect
                  id="create-flow-trigger"
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  inputRef={field.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" loading={create.isPending}>
            Create
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
