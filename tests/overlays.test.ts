import { describe, expect, it } from 'vitest';
import { createChecker, type Report } from '../src/index.js';
import { builtinPack } from '../src/checker.js';
import { loadFixtures } from './helpers/fixtures.js';
import { formerClientRomance } from './helpers/scenario-builder.js';

const checker = createChecker();
const fixtures = loadFixtures();
const RANK = ['critical', 'high', 'moderate', 'low'];
const JURISDICTIONS = ['US-NY', 'US-CA'];

const key = (f: Report['findings'][number]) => `${f.ruleId}#${f.subject ?? ''}`;

describe('jurisdiction overlays', () => {
  it('ship US-NY and US-CA', () => {
    const places = new Set(builtinPack().rules.flatMap((r) => (r.jurisdiction ? [r.jurisdiction] : [])));
    expect([...places].sort()).toEqual(['US-CA', 'US-NY']);
  });

  it('apply only in their own jurisdiction', async () => {
    const overlayRules = builtinPack().rules.filter((r) => r.jurisdiction);
    const scenario = formerClientRomance('marriage-family-therapist', '2020-03-01');
    for (const place of [undefined, 'US-NY', 'US-CA', 'US-TX']) {
      const report = await checker.check(place ? { ...scenario, jurisdiction: place } : scenario);
      for (const rule of overlayRules) {
        const fired = report.findings.some((f) => f.ruleId === rule.id);
        if (rule.jurisdiction !== place) expect(fired, `${rule.id} in ${String(place)}`).toBe(false);
      }
    }
    // The California MFT rule does fire in California.
    const inCalifornia = await checker.check({ ...scenario, jurisdiction: 'US-CA' });
    expect(inCalifornia.findings.map((f) => f.ruleId)).toContain('dual-relationship/us-ca-romance-within-two-years');
  });

  it('never lower a severity or remove a finding, for any fixture in any jurisdiction', async () => {
    for (const fixture of fixtures) {
      const { jurisdiction: _ignored, ...base } = fixture.scenario as { jurisdiction?: string };
      const without = await checker.check(base);
      for (const place of JURISDICTIONS) {
        const within = await checker.check({ ...base, jurisdiction: place });
        const byKey = new Map(within.findings.map((f) => [key(f), f]));
        for (const f of without.findings) {
          const same = byKey.get(key(f));
          expect(same, `${fixture.file}: ${key(f)} in ${place}`).toBeDefined();
          expect(RANK.indexOf(same?.severity ?? 'low')).toBeLessThanOrEqual(RANK.indexOf(f.severity));
        }
        if (without.highestSeverity !== null) {
          expect(RANK.indexOf(within.highestSeverity ?? 'low')).toBeLessThanOrEqual(RANK.indexOf(without.highestSeverity));
        }
      }
    }
  });

  it('cite the place’s own law, as binding', async () => {
    const report = await checker.check({ ...formerClientRomance('psychologist', '2020-09-01'), jurisdiction: 'US-NY' });
    const ny = report.findings.find((f) => f.ruleId === 'dual-relationship/us-ny-romance-within-two-years');
    expect(ny?.citations).toEqual([
      expect.objectContaining({ code: 'us-ny-nysed', section: 'Guideline 5', title: 'Maintaining Appropriate Professional Boundaries', binding: true }),
    ]);
    expect(ny?.rationale).toContain('two years');
  });
});
