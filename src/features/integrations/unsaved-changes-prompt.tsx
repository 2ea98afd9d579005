import { LeavePrompt } from '../../shared/leave-prompt';

/** Asks before leaving the settings form with unsaved changes, inside the app and when closing or reloading the tab. */
export function UnsavedChangesPrompt({ when }: { when: boolean }) {
  return (
    <LeavePrompt
      when={when}
      guardUnload
      title="Leave without saving?"
      message="Your changes to this integration have not been saved and will be lost."
    />
  );
}
