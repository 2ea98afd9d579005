import { useQuery } from '@tanstack/react-query';
import { useMemo, type ComponentType } from 'react';
import { useFormState, useWatch } from 'react-hook-form';
import { integrationQueries } from '../../api/queries';
import { describedBy, errorMessageOf, FieldShell, kindRecords, type WidgetProps } from '../../spec-form';

const TextWidget = kindRecords.string.Widget;

/**
 * A field whose value is one of the type's channels (`GET /api/alerting/{type}/list-channels`): a select of them
 * once they are listed. While they cannot be listed (not connected yet, or the call failed) the field stays a text
 * box with a note, so a channel id can still be typed and nothing blocks connecting.
 */
function ChannelWidget({ type, ...props }: WidgetProps & { type: string }) {
  const { property, control, register, disabled, id } = props;
  const channels = useQuery(integrationQueries.channels(type));
  const value = useWatch({ control, name: property.name }) as unknown;
  const { errors } = useFormState({ control, name: property.name, exact: true });
  const error = errorMessageOf(errors[property.name]);
  const fallback = useMemo(
    () => ({
      ...property,
      note: channels.isPending ? 'Loading the channels…' : 'The channels could not be listed: type the channel ID.',
    }),
    [property, channels.isPending],
  );
  if (!channels.isSuccess || channels.data.length === 0) return <TextWidget {...props} property={fallback} />;
  // A stored channel that is no longer listed stays choosable rather than silently switching to another.
  const current = typeof value === 'string' ? value : '';
  const listed = channels.data.some((channel) => channel.id === current);
  return (
    <FieldShell property={property} id={id} error={error}>
      <select
        id={id}
        className="sf-input"
        disabled={disabled}
        aria-required={property.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(property, id, error)}
        {...register(property.name)}
      >
        <option value="">{property.placeholder ?? 'Select a channel…'}</option>
        {current !== '' && !listed && <option value={current}>{current}</option>}
        {channels.data.map((channel) => (
          <option key={channel.id} value={channel.id}>
            {channel.name}
          </option>
        ))}
      </select>
    </FieldShell>
  );
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
