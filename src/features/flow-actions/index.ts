export { ActionDrawer } from './action-drawer';
export { ActionEditor, type ActionEditorProps } from './action-editor';
export {
  currentFingerprint,
  keepAction,
  keyChoice,
  toActionInput,
  toDraft,
  toTestRequest,
  useActionForm,
  type ActionDraft,
  type KeyChoice,
  type TestContext,
} from './action-form';
export {
  actionDraftSchema,
  clearActionDraft,
  loadActionDraft,
  saveActionDraft,
  type StoredActionDraft,
} from './action-draft-storage';
export { useActionEditor, type ActionEditorOptions, type ActionEditorState } from './use-action-editor';
export { CreateFlowDialog } from './create-flow-dialog';
export { DeleteFlowButton } from './delete-flow-button';
export { FlowActionsList, cannotDeliver } from './flow-actions-list';
export { FlowsTable } from './flows-table';
export { newFlowSchema, type NewFlowValues } from './flow-form-schema';
export { previewOf, type EditorContext } from './preview-input';
export { TriggerTypeSelect } from './trigger-type-select';
export { useCreateFlow, useDeleteFlow, useUpdateFlow } from './use-flow-mutations';
