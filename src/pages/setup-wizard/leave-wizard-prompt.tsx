import { LeavePrompt } from '../../shared/leave-prompt';

/** Asks before leaving the wizard mid-way; its values stay in the tab, so closing the tab is not guarded. */
export function LeaveWizardPrompt({ when }: { when: boolean }) {
  return (
    <LeavePrompt
      when={when}
      title="Leave the PagerDuty setup?"
      message="The notification is not saved yet. What you entered stays in this tab (except a routing key override), so you can come back and finish later."
    />
  );
}
