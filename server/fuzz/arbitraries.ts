import fc from 'fast-check';

/** Texts that try to become markup, script, a path or a prototype key wherever they land. */
export const hostileTexts = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE flows; --",
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  '{{ flow_name }}{{',
  '\u0000\u202e\uFEFF',
  '',
  ' ',
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileTexts) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5_000, max: 100_000 }).map((n) => 'x'.repeat(n)) },
);

/** Any JSON value, including deep and odd ones. */
export const junkJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(true, false, null, 0, -1, 1e308, -0, 2 ** 53 + 1),
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 50, max: 2_000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
);

type Json = Record<string, unknown>;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** All paths (as key lists) to the objects inside `value`, the root included. */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  // Deeply nested junk is edited only near the top: the point of it is the depth, not what sits at the bottom.
  if (typeof value !== 'object' || value === null || path.length > 6) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

function at(root: unknown, path: (string | number)[]): Json {
  return path.reduce<unknown>((node, key) => (node as Json)[key as string], root) as Json;
}

/**
 * A valid body with one to three random edits: a key dropped, a value replaced with junk, an unknown key added
 * (at any depth), or the whole body replaced. Most results are invalid; the test asks the contract which are not.
 */
export function mutatedBody(template: Json): fc.Arbitrary<unknown> {
  const edit = fc.record({
    kind: fc.constantFrom('drop', 'replace', 'extra', 'replace', 'extra'),
    pick: fc.nat(),
    key: fc.oneof(hostileString, fc.constantFrom('id', 'type', 'routing_key', 'api_access_token', 'is_admin')),
    value: junkJson,
  });
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: junkJson.map((j) => ({ whole: j })) },
    )
    .map((edits) => {
      if (!Array.isArray(edits)) return edits.whole;
      const body = clone(template);
      for (const { kind, pick, key, value } of edits) {
        const paths = objectPaths(body);
        const path = paths[pick % paths.length]!;
        const target = at(body, path);
        const keys = Object.keys(target);
        const existing = keys[pick % Math.max(keys.length, 1)];
        if (kind === 'drop' && existing !== undefined) {
          if (Array.isArray(target)) target.splice(Number(existing), 1);
          else delete target[existing];
        } else if (kind === 'replace' && existing !== undefined) {
          target[existing] = value;
        } else if (!Array.isArray(target) && typeof key === 'string') {
          // defineProperty so a "__proto__" key is sent as a key, as an attacker would.
          Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
        }
      }
      return body;
    });
}

/** Bodies that are not JSON, or not labelled as JSON. */
export const rawBodies = fc.oneof(
  fc.record({
    text: fc.oneof(
      fc.constantFrom('{', '{"name": "x",}', "{'a':1}", 'undefined', 'NaN', '[1,2', '"unterminated', '{"a":1}{"b":2}'),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.integer({ min: 2, max: 200_000 }).map((n) => '{"a":'.repeat(n)),
    ),
    contentType: fc.constant('application/json'),
  }),
  fc.record({
    text: fc.constantFrom('name=x&trigger_type=anomaly', '<xml/>', '{"name":"x","trigger_type":"anomaly"}', ''),
    contentType: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/jsonx',
      'image/png',
    ),
  }),
  // Over the 1 MB limit.
  fc.integer({ min: 1024 * 1024 + 1, max: 1024 * 1024 + 50_000 }).map((n) => ({
    text: JSON.stringify({ name: 'n'.repeat(n), trigger_type: 'anomaly' }),
    contentType: 'application/json',
  })),
);

/** Path ids that are not positive integers, or integers nothing has. */
export const badIds = fc.oneof(
  fc.constantFrom('abc', '0', '-1', '1.5', '1e400', '0x1f', '99999999999999999999', 'NaN', 'Infinity', '%00', '..%2F'),
  fc.constantFrom('%3Cscript%3E', '1%3B%20DROP%20TABLE%20flows', '9007199254740993', '424242', '%20'),
  fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
);
