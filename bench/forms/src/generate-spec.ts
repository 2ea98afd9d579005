import type { SpecProperty } from '../../../src/api/contract';

/** mulberry32: a tiny seeded PRNG, so every run and every renderer gets the same specification. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BenchKind = 'string' | 'enum' | 'boolean' | 'integer' | 'secret';

/** Per 20 properties: 60% string, 15% enum, 10% boolean, 10% integer, 5% secret. */
const deck: readonly BenchKind[] = [
  ...Array<BenchKind>(12).fill('string'),
  ...Array<BenchKind>(3).fill('enum'),
  ...Array<BenchKind>(2).fill('boolean'),
  ...Array<BenchKind>(2).fill('integer'),
  'secret',
];

export const benchSeed = 20_260_526;

function kindsFor(count: number, random: () => number): BenchKind[] {
  const kinds: BenchKind[] = [];
  while (kinds.length < count) {
    const hand = [...deck];
    for (let i = hand.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [hand[i], hand[j]] = [hand[j] as BenchKind, hand[i] as BenchKind];
    }
    kinds.push(...hand);
  }
  return kinds.slice(0, count);
}

/** A specification of `count` properties in the platform's format, the same for a given count on every run. */
export function generateSpec(count: number, seed = benchSeed): SpecProperty[] {
  const random = seededRandom(seed + count);
  return kindsFor(count, random).map((kind, index) => {
    const n = String(index + 1).padStart(3, '0');
    const field = `${kind}_${n}`;
    const required = kind !== 'boolean' && random() < 0.3;
    const info = random() < 0.3 ? `Help for property ${n}: what it does and where to find it.` : undefined;
    const base = { field, title: `Property ${n} (${kind})`, required, ...(info ? { info } : {}) };
    switch (kind) {
      case 'enum': {
        const options = 3 + Math.floor(random() * 6);
        return {
          ...base,
          type: 'enum',
          values: Array.from({ length: options }, (_, i) => ({ label: `Option ${i + 1}`, value: `option_${i + 1}` })),
        };
      }
      case 'boolean':
        return { ...base, type: 'boolean', default: random() < 0.5 };
      case 'integer':
        return { ...base, type: 'integer', placeholder: 'e.g. 30' };
      case 'secret':
        return { ...base, type: 'string', secret: true };
      default:
        return { ...base, type: 'string', placeholder: random() < 0.5 ? `Value ${n}` : undefined };
    }
  });
}

/** The non-secret string property nearest the middle of the form: where the keystroke test types. */
export function middleStringField(spec: readonly SpecProperty[]): string {
  const middle = Math.floor(spec.length / 2);
  const candidates = spec
    .map((property, index) => ({ property, index }))
    .filter(({ property }) => property.type === 'string' && !property.secret);
  candidates.sort((a, b) => Math.abs(a.index - middle) - Math.abs(b.index - middle));
  const chosen = candidates[0];
  if (!chosen) throw new Error('the generated spec has no string property');
  return chosen.property.field;
}
