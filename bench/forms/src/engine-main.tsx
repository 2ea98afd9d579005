import { createTheme, ThemeProvider } from '@mui/material/styles';
import { createRoot } from 'react-dom/client';
import type { SpecProperty } from '../../../src/api/contract';
import { SpecFields, useSpecForm } from '../../../src/spec-form';
import { markUsableWhenPresent, pageSpec } from './bench-page';

const idPrefix = 'bench-';

function EngineForm({ spec }: { spec: SpecProperty[] }) {
  const form = useSpecForm(spec, { mode: 'create' });
  return (
    <form noValidate onSubmit={form.handleSubmit(() => undefined)} aria-label="Generated specification">
      <SpecFields properties={spec} form={form} idPrefix={idPrefix} />
      <button type="submit">Save</button>
    </form>
  );
}

const spec = pageSpec();
markUsableWhenPresent(spec, (field) => `${idPrefix}${field}`);
createRoot(document.getElementById('root') as HTMLElement).render(
  <ThemeProvider theme={createTheme()}>
    <EngineForm spec={spec} />
  </ThemeProvider>,
);
