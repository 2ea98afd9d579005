import { useQuery } from '@tanstack/react-query';
import { useMemo, type ComponentType } from 'react';
import { useWatch } from 'react-hook-form';
import { integrationQueries } from '../../api/queries';
import { kindRecords, type WidgetProps } from '../../spec-form';

const TextWidget = kindRecords.string.Widget;
const ChoiceWidget = kindRecords.enum.Widget;

/**
 * A field whose value is one of the type's channels (`GET /api/alerting/{type}/list-channels`): the spec-form's own
 * choice widget over them once they are listed. While they cannot be listed (not connected yet, or the call failed)
 * the field stays a text box with a note, so a channel id can still be typed and nothing blocks connecting.
 */
function ChannelWidget({ type, ...props }: WidgetProps & { type: string }) {
  const { property, control } = props;
  const channels = useQuery(integrationQueries.channels(type));
  const value = useWatch({ control, name: property.name }) as unknown;
  const current = typeof value === 'string' ? value : '';
  const listed = useMemo(() => {
    if (!channels.isSuccess || channels.data.length === 0) return null;
    const values = channels.data.map((channel) => ({ label: channel.name, value: channel.id }));
    // A stored channel that is no longer listed stays choosable rather than silently switching to another.
    if (current !== '' && !values.some((v) => v.value === current)) values.unshift({ label: current, value: current });
    return { ...property, values, placeholder: property.placeholder ?? 'Select a channel…' };
  }, [channels.isSuccess, channels.data, current, property]);
  const fallback = useMemo(
    () => ({
      ...property,
      note: channels.isPending ? 'Loading the channels…' : 'The channels could not be listed: type the channel ID.',
    }),
    [property, channels.isPending],
  );
  return listed ? <ChoiceWidget {...props} property={listed} /> : <TextWidget {...props} property={fallback} />;
}

const byType = new Map<string, ComponentType<WidgetProps>>();

/** One component per type, created once, so the memoised fields keep their widget across renders. */
export function channelWidgetFor(type: string): ComponentType<WidgetProps> {
  let widget = byType.get(type);
  if (!widget) {
    widget = function TypeChannelWidget(props: WidgetProps) {
      return <ChannelWidget {...props} type={type} />;
    };
    byType.set(type, widget);
  }
  return widget;
}
