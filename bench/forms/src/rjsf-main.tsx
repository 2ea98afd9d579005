import { createTheme, ThemeProvider } from '@mui/material/styles';
import Form from '@rjsf/mui';
import validator from '@rjsf/validator-ajv8';
import { createRoot } from 'react-dom/client';
import { markUsableWhenPresent, pageSpec } from './bench-page';
import { toJsonSchema } from './to-json-schema';

const spec = pageSpec();
const { schema, uiSchema } = toJsonSchema(spec);
// rjsf's default ids: `root_<property>`.
markUsableWhenPresent(spec, (field) => `root_${field}`);
createRoot(document.getElementById('root') as HTMLElement).render(
  <ThemeProvider theme={createTheme()}>
    <Form schema={schema} uiSchema={uiSchema} validator={validator} noHtml5Validate />
  </ThemeProvider>,
);
