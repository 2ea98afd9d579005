import Chat from '@mui/icons-material/Chat';
import Extension from '@mui/icons-material/Extension';
import Groups from '@mui/icons-material/Groups';
import type { IntegrationDescriptor } from './descriptor';
import { pagerDutyDescriptor } from './pagerduty';

/** A type without a descriptor still connects, edits and disconnects from its spec alone. */
export const genericDescriptor: Omit<IntegrationDescriptor, 'type'> = {
  Icon: Extension,
  copy: {
    validating: (label) => `Checking the connection to ${label}…`,
    saving: 'Saving…',
  },
};

/** Types the catalog lists as coming soon: only their icon differs from the generic one. */
const comingSoon: IntegrationDescriptor[] = ['slack', 'msteams', 'teams', 'microsoft_teams'].map((type) => ({
  ...genericDescriptor,
  type,
  Icon: type === 'slack' ? Chat : Groups,
}));

/** The one table of integration types: a new type is one line here and one folder beside this file. */
const descriptors = new Map<string, IntegrationDescriptor>(
  [pagerDutyDescriptor, ...comingSoon].map((descriptor) => [descriptor.type, descriptor]),
);

/** The descriptor of a type (case-insensitive, as the server's types are), or the generic one. */
export function descriptorFor(type: string): IntegrationDescriptor {
  return descriptors.get(type.toLowerCase()) ?? { ...genericDescriptor, type };
}

/** The descriptor whose flow actions have this `action.type`, if any. */
export function descriptorForActionType(actionType: string): IntegrationDescriptor | undefined {
  return [...descriptors.values()].find((descriptor) => descriptor.actionType === actionType);
}

/** The labels of the flow-action fields of these action types, for the "what changed" lines of a flow conflict. */
export function flowActionLabels(actionTypes: Iterable<string>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const type of new Set(actionTypes)) Object.assign(labels, descriptorForActionType(type)?.actionFieldLabels);
  return labels;
}

/**
 * Adds a descriptor to the table, e.g. a type that only tests know; returns the function that removes it again
 * (and puts back one it replaced).
 */
export function registerDescriptor(descriptor: IntegrationDescriptor): () => void {
  const key = descriptor.type.toLowerCase();
  const previous = descriptors.get(key);
  descriptors.set(key, descriptor);
  return () => {
    if (previous) descriptors.set(key, previous);
    else descriptors.delete(key);
  };
}
