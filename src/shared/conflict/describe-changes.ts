const ignored = new Set(['id', 'created', 'updated', 'last_test']);

type Labels = Readonly<Record<string, string>>;

const humanise = (key: string) => key.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
const labelOf = (labels: Labels, key: string) =>
  (Object.hasOwn(labels, key) ? labels[key] : undefined) ?? humanise(key);

function shortText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `“${text.slice(0, 79)}…”` : `“${text}”`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What another session changed, in plain lines: "Name: “A” → “B”", "Actions: 1 → 2", "Action 1: Message changed".
 * Compares what the form was based on with what the server holds now; secrets are never part of either. `labels`
 * (from the integration type's descriptor or the spec's titles) name the keys; a labelled key holding an object is
 * one setting ("Additional Details changed"), an unlabelled one a container whose keys are compared in turn.
 */
export function describeChanges(base: unknown, current: unknown, labels: Labels = {}, prefix = ''): string[] {
  if (!isRecord(base) || !isRecord(current)) return same(base, current) ? [] : [`${prefix || 'Value'} changed`];
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(base), ...Object.keys(current)])) {
    if (ignored.has(key)) continue;
    const before = base[key];
    const after = current[key];
    if (same(before, after)) continue;
    const label = `${prefix}${labelOf(labels, key)}`;
    if (Array.isArray(before) && Array.isArray(after)) {
      if (before.length !== after.length) lines.push(`${label}: ${before.length} → ${after.length}`);
      after.forEach((item, i) => {
        if (i < before.length && !same(before[i], item)) {
          lines.push(...describeChanges(before[i], item, labels, `Action ${i + 1}: `));
        }
      });
    } else if (isRecord(before) && isRecord(after) && !Object.hasOwn(labels, key)) {
      lines.push(...describeChanges(before, after, labels, prefix));
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
