const ignored = new Set(['id', 'created', 'updated', 'last_test']);

const labels: Record<string, string> = {
  name: 'Name',
  trigger_type: 'Trigger type',
  actions: 'PagerDuty actions',
  tokenized_message: 'Message',
  severity: 'Severity',
  custom_details: 'Additional Details',
  routing_key_configured: 'Routing Key Override',
};

const labelOf = (key: string) => labels[key] ?? key.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

function shortText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `“${text.slice(0, 79)}…”` : `“${text}”`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What another session changed, in plain lines: "Name: “A” → “B”", "PagerDuty actions: 1 → 2", "Action 1: Message
 * changed". Compares what the form was based on with what the server holds now; secrets are never part of either.
 */
export function describeChanges(base: unknown, current: unknown, prefix = ''): string[] {
  if (!isRecord(base) || !isRecord(current)) return same(base, current) ? [] : [`${prefix || 'Value'} changed`];
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(base), ...Object.keys(current)])) {
    if (ignored.has(key)) continue;
    const before = base[key];
    const after = current[key];
    if (same(before, after)) continue;
    const label = `${prefix}${labelOf(key)}`;
    if (Array.isArray(before) && Array.isArray(after)) {
      if (before.length !== after.length) lines.push(`${label}: ${before.length} → ${after.length}`);
      after.forEach((item, i) => {
        if (i < before.length && !same(before[i], item)) {
          lines.push(...describeChanges(before[i], item, `Action ${i + 1}: `).map((l) => l));
        }
      });
    } else if (isRecord(before) && isRecord(after) && key !== 'custom_details') {
      lines.push(...describeChanges(before, after, prefix));
    } else if (typeof before === 'object' || typeof after === 'object') {
      lines.push(`${label} changed`);
    } else {
      lines.push(
        `${label}: ${before === undefined ? 'not set' : shortText(before)} → ${after === undefined ? 'not set' : shortText(after)}`,
      );
    }
  }
  return lines;
}
