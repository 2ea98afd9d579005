import { useMemo, type ComponentType } from 'react';
import type { IntegrationDescriptor } from '../../integrations';
import type { WidgetProps } from '../../spec-form';
import { channelWidgetFor } from './channel-widget';

/** The widgets a type's descriptor asks for on single fields (its channel field), stable for the memoised fields. */
export function useFieldWidgets({ type, channelField }: IntegrationDescriptor) {
  return useMemo<Record<string, ComponentType<WidgetProps>> | undefined>(
    () => (channelField ? { [channelField]: channelWidgetFor(type) } : undefined),
    [type, channelField],
  );
}
