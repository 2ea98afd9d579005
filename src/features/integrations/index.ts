export { ConnectIntegrationForm, type ConnectIntegrationFormProps } from './connect-integration-form';
export { useIntegrationSpec } from './use-integration-spec';
export {
  useCreateIntegration,
  useUpdateIntegration,
  useDeleteIntegration,
  successMessages,
} from './integration-mutations';
