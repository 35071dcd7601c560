import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../src/scenario.js';
import { scenarioJsonSchema } from '../scripts/scenario-schema.js';
import { scenarioArb } from './helpers/arbitraries.js';
import { loadFixtures, ROOT } from './helpers/fixtures.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; exports: Record<string, unknown> };
const shipped = JSON.parse(readFileSync(join(ROOT, 'scenario.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(shipped);

/** The zod verdict, leaving out the two cross-field checks JSON Schema cannot express. */
function zodVerdict(input: unknown): boolean {
  const r = ScenarioSchema.safeParse(input);
  return r.success || r.error.issues.every((i) => i.code === 'custom');
}

describe('scenario.schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` to refresh it)', () => {
    expect(shipped).toEqual(scenarioJsonSchema(pkg.version));
  });

  it('is exported as therapeutic-boundaries/scenario.schema.json', () => {
    expect(pkg.exports['./scenario.schema.json']).toBe('./scenario.schema.json');
  });

  it('accepts every example and fixture scenario', () => {
    const examples = ['counselor-current-client', 'former-client-counselor', 'former-client-psychologist'].map((n) =>
      JSON.parse(readFileSync(join(ROOT, 'examples', 'scenarios', `${n}.json`), 'utf8')),
    );
    for (const s of [...examples, ...loadFixtures().map((f) => f.scenario)]) {
      expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it.each([
    ['an unknown enum value', { professional: { profession: 'counselr' }, client: { status: 'current' } }],
    ['an impossible date', { asOf: '2025-02-30', professional: { profession: 'counselor' }, client: { status: 'current' } }],
    ['29 February outside a leap year', { asOf: '2023-02-29', professional: { profession: 'counselor' }, client: { status: 'current' } }],
    ['an unknown key', { professional: { profession: 'counselor' }, client: { status: 'current', statuz: 1 } }],
    ['a wrong type', { professional: { profession: 'counselor' }, client: { status: 'current', age: '30' } }],
    ['a missing required field', { professional: { profession: 'counselor' }, client: {} }],
    ['a negative amount', { professional: { profession: 'counselor' }, client: { status: 'current' }, gifts: [{ direction: 'from-client', kind: 'cash', valueUsd: -1 }] }],
  ])('rejects %s, as the zod schema does', (_what, input) => {
    expect(validate(input)).toBe(false);
    expect(ScenarioSchema.safeParse(input).success).toBe(false);
  });

  it('gives the zod schema’s verdict on random valid scenarios and random corruptions of them', () => {
    const corrupt = fc.tuple(scenarioArb, fc.nat(), fc.oneof(fc.constant(null), fc.string(), fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constant('2025-02-30'), fc.constant({ x: 1 })));
    fc.assert(
      fc.property(corrupt, ([scenario, pick, value]) => {
        expect(validate(scenario)).toBe(zodVerdict(scenario));
        // Replace one leaf somewhere in the scenario, and compare the verdicts again.
        const paths: (string | number)[][] = [];
        const walk = (v: unknown, path: (string | number)[]) => {
          if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
          else paths.push(path);
        };
        walk(scenario, []);
        const path = paths[pick % paths.length] as (string | number)[];
        const copy = structuredClone(scenario) as Record<string | number, unknown>;
        let node = copy;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1] as string | number] = value;
        expect(validate(copy)).toBe(zodVerdict(copy));
      }),
      { numRuns: 500 },
    );
  });
});
