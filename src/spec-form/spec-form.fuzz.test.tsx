import { act, fireEvent, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { SpecProperty } from '../api/contract';
import { buildDefaultValues, buildSpecSchema, normalizeProperties, SpecFields, toPayload, useSpecForm } from './index';
import type { SpecFormOptions } from './types';

/**
 * Property-based proof that the engine survives whatever a server sends as `properties`: it never throws, always
 * renders a form (or nothing, for a spec with no usable field), and never turns spec text into markup.
 */

// Each payload carries `data-pwned` or sets `window.__pwned`, so any element or script it managed to create is found.
const hostileTexts = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'" data-pwned>',
  '<svg onload="window.__pwned = \'svg\'" data-pwned></svg>',
  '<iframe src="javascript:window.__pwned = \'iframe\'" data-pwned></iframe>',
  '"><b data-pwned onmouseover="window.__pwned = 1">x</b>',
  "'><a href=\"javascript:window.__pwned = 'a'\" data-pwned>click</a>",
  '[click me](javascript:window.__pwned=1)',
  '![img](x" onerror="window.__pwned=1)',
  '<a href="javascript:alert(1)">link</a>',
  '<style>*{display:none}</style><object data-pwned></object><embed data-pwned>',
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '__proto__',
  'constructor',
  'toString',
  'a.b[0].c',
  '',
  '   ',
  '\u0000\u202e\uFEFF',
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileTexts) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...hostileTexts), fc.integer({ min: 2_000, max: 20_000 }))
      .map(([text, length]) => text.padEnd(length, 'W')),
  },
);

const junk = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.anything({ maxDepth: 3, maxKeys: 4 }),
);

/** Objects nested up to 8 levels, as a spec's `default` or `values` might hold. */
const deepObject = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    junk,
    fc.dictionary(hostileString, tie('node'), { maxKeys: 3 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

const knownTypes = ['string', 'text', 'enum', 'boolean', 'bool', 'integer', 'int', 'number', 'float', 'object'];

const enumValues = fc.oneof(
  fc.constant([]),
  fc.array(fc.record({ label: hostileString, value: fc.oneof(hostileString, fc.integer(), fc.double()) }), {
    maxLength: 6,
  }),
  // Huge enum, with repeated values.
  fc
    .integer({ min: 200, max: 1500 })
    .map((n) => Array.from({ length: n }, (_, i) => ({ label: `L${i}`, value: i % 700 }))),
  fc.array(junk, { maxLength: 5 }),
  junk,
);

const fieldName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('name', 'severity', 'api_access_token', 'routing_key', 'details') },
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: junk },
);

/** One property: every key optional, each either plausible or junk. */
const property = fc.record(
  {
    field: fieldName,
    type: fc.oneof(fc.constantFrom(...knownTypes), hostileString, junk),
    title: fc.oneof(hostileString, junk),
    map_to: fc.oneof(fc.constantFrom('parameters', 'api_access_token'), hostileString, junk),
    required: fc.oneof(fc.boolean(), junk),
    secret: fc.oneof(fc.boolean(), junk),
    placeholder: fc.oneof(hostileString, junk),
    info: fc.oneof(hostileString, junk),
    info_md: fc.oneof(hostileString, junk),
    default: deepObject,
    values: enumValues,
    group: fc.oneof(fc.record({ name: hostileString, outline: fc.oneof(fc.boolean(), junk) }), junk),
    extra: deepObject,
  },
  { requiredKeys: [] },
);

/** A spec's `properties`: usually a list (with junk entries and duplicates), sometimes not a list at all. */
const spec = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(fc.oneof({ weight: 6, arbitrary: property }, { weight: 1, arbitrary: junk }), { maxLength: 8 }),
  },
  { weight: 1, arbitrary: property.chain((p) => fc.constant([p, p, { ...p }])) },
  { weight: 1, arbitrary: junk },
);

const formOptions: fc.Arbitrary<SpecFormOptions> = fc.record(
  {
    mode: fc.constantFrom('create', 'edit'),
    current: fc.dictionary(fc.oneof(fieldName.filter((f): f is string => typeof f === 'string')), deepObject, {
      maxKeys: 4,
    }),
    configuredSecrets: fc.array(fc.constantFrom('api_access_token', 'routing_key', '__proto__'), { maxLength: 2 }),
  },
  { requiredKeys: ['mode'] },
);

const tally = { pureCases: 0, renderCases: 0, fieldsRendered: 0, failures: 0 };

afterAll(() => {
  // The README's "Reliability and security" figures come from this line.
  console.info(
    `[spec-form fuzz] ${tally.pureCases} pure cases, ${tally.renderCases} rendered specs ` +
      `(${tally.fieldsRendered} fields), ${tally.failures} failed`,
  );
});

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Renders a spec the way pages do and submits it once. */
function SpecForm({ properties, options }: { properties: unknown; options: SpecFormOptions }) {
  const form = useSpecForm(properties as SpecProperty[], options);
  return (
    <form noValidate aria-label="fuzzed" onSubmit={form.handleSubmit(() => undefined)}>
      <SpecFields properties={properties as SpecProperty[]} form={form} idPrefix="fz-" />
      <button type="submit">Save</button>
    </form>
  );
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** Fails (and undoes the damage, so later cases stay meaningful) when a spec wrote onto Object.prototype. */
function expectNoPrototypePollution() {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((key) => !prototypeKeys.includes(key));
  for (const key of added) delete (Object.prototype as Record<string, unknown>)[key];
  expect(added, 'a spec wrote onto Object.prototype').toEqual([]);
}

const hostileSelector =
  'script, img, iframe, object, embed, style, link, meta, base, [data-pwned], a[href^="javascript" i]';

describe('spec-form engine under random and malformed specs', () => {
  it('normalizes, builds schema, defaults and payload without throwing', () => {
    fc.assert(
      fc.property(spec, formOptions, (properties, options) => {
        tally.pureCases += 1;
        try {
          const normalized = normalizeProperties(properties);
          const fields = normalized.map((p) => p.field);
          expect(new Set(fields).size).toBe(fields.length);
          for (const p of normalized) {
            expect(typeof p.field).toBe('string');
            expect(p.field.trim()).not.toBe('');
            expect(typeof p.title).toBe('string');
            expect(['string', 'secret', 'enum', 'boolean', 'integer', 'number', 'object', 'unknown']).toContain(p.kind);
            if (p.kind === 'enum') expect(p.values?.length ?? 0).toBeGreaterThan(0);
          }
          const schema = buildSpecSchema(properties, options);
          const defaults = buildDefaultValues(properties, options);
          // Secrets never come prefilled, whatever `default` or `current` holds.
          for (const p of normalized.filter((n) => n.kind === 'secret')) {
            // Keyed by `name`: a field such as `a.b` or `constructor` gets a stand-in key in the form values.
            expect(defaults[p.name]).toMatchObject({ value: '' });
          }
          const checked = schema.safeParse(defaults);
          if (!checked.success) {
            for (const issue of checked.error.issues) expect(issue.message).toMatch(/\S/);
          }
          toPayload(properties as SpecProperty[], defaults);
          expectNoPrototypePollution();
        } catch (error) {
          tally.failures += 1;
          throw error;
        }
      }),
      { numRuns: 1000, seed: 20261126 },
    );
  });

  it('renders a usable form, never markup from the spec, and runs no script', async () => {
    await fc.assert(
      fc.asyncProperty(spec, formOptions, async (properties, options) => {
        tally.renderCases += 1;
        window.__pwned = undefined;
        const { container, unmount } = render(<SpecForm properties={properties} options={options} />);
        try {
          const normalized = normalizeProperties(properties);
          tally.fieldsRendered += normalized.length;
          // Every usable property gets a control (or, for a Configured secret, its label), titled with the spec's
          // text as plain text, so nothing silently vanishes.
          const byId = new Map([...container.querySelectorAll('[id]')].map((el) => [el.id, el]));
          for (const p of normalized) {
            const id = `fz-${p.field}`;
            const control = byId.get(id) ?? byId.get(`${id}-label`);
            expect(control, `no control for field ${JSON.stringify(p.field.slice(0, 60))}`).toBeDefined();
            const label =
              byId.get(`${id}-label`) ?? [...container.querySelectorAll('label')].find((l) => l.htmlFor === id);
            // The DOM drops NUL characters from text; everything else must appear as written.
            expect(label?.textContent ?? '').toContain(p.title.replaceAll('\0', ''));
          }
          expect(container.querySelector(hostileSelector)).toBeNull();
          for (const element of container.querySelectorAll('*')) {
            for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/i);
          }
          for (const anchor of container.querySelectorAll('a[href]')) {
            expect(anchor.getAttribute('href')).toMatch(/^(https?:|mailto:)/i);
            expect(anchor.getAttribute('rel')).toContain('noopener');
          }
          const submit = container.querySelector('button[type="submit"]');
          expect(submit).not.toBeNull();
          await act(async () => {
            fireEvent.submit(container.querySelector('form')!);
          });
          expect(window.__pwned).toBeUndefined();
          expectNoPrototypePollution();
        } catch (error) {
          tally.failures += 1;
          throw error;
        } finally {
          unmount();
          for (const key of Object.getOwnPropertyNames(Object.prototype)) {
            if (!prototypeKeys.includes(key)) delete (Object.prototype as Record<string, unknown>)[key];
          }
        }
      }),
      { numRuns: 300, seed: 20261126 },
    );
  }, 120_000);
});
