import { describe, expect, it } from 'vitest';
import { createChecker, explain, RuleNotFoundError, ScenarioError, type ExplainLeaf } from '../src/index.js';
import { scenario } from '../src/testing.js';

const checker = createChecker();
const former = (asOf: string) =>
  scenario('psychologist').asOf(asOf).care({ startedOn: '2018-01-01' }).former('2019-03-01').relationship({ kind: 'romantic', with: 'client', timing: 'after', promisedDuringCare: false }).build();

const leaves = (node: any): ExplainLeaf[] => (node.kind === 'leaf' ? [node] : node.children.flatMap(leaves));

describe('explain', () => {
  it('shows each condition with its fact, paths, value, operator, expected value and result', () => {
    const e = checker.explain(former('2021-02-28'), 'dual-relationship/romance-former-client-after-window');
    expect(e.outcome).toBe('quiet');
    expect(e.evaluations).toHaveLength(1);
    expect(e.evaluations[0]).toMatchObject({ subject: 'relationships.0', code: 'apa', result: 'false' });
    const months = leaves(e.evaluations[0]?.conditions).find((l) => l.fact === 'relationship.monthsAfterCare');
    expect(months).toEqual({
      kind: 'leaf',
      fact: 'relationship.monthsAfterCare',
      paths: ['care.endedOn', 'care.lastContactOn', 'relationships.0.startedOn'],
      value: 23,
      operator: 'greaterThanInclusive',
      expected: { fact: 'code.formerClientWindowMonths' },
      expectedValue: 24,
      result: 'false',
    });
  });

  it('reports fired, with the finding, a day later', () => {
    const e = explain(former('2021-03-01'), 'dual-relationship/romance-former-client-after-window');
    expect(e.outcome).toBe('fired');
    expect(e.findings).toHaveLength(1);
    expect(e.findings[0]?.severity).toBe('high');
  });

  it('reports undetermined with the missing facts marked', () => {
    const s = scenario('counselor').client({ status: 'former' }).relationship({ kind: 'romantic', with: 'client', timing: 'after', promisedDuringCare: false }).build();
    const e = checker.explain(s, 'dual-relationship/romance-former-client-within-window');
    expect(e.outcome).toBe('undetermined');
    expect(leaves(e.evaluations[0]?.conditions).find((l) => l.result === 'undetermined')?.fact).toBe('relationship.monthsAfterCare');
  });

  it('says why a rule does not apply', () => {
    const e = checker.explain(former('2021-03-01'), 'referral-trigger/referral-on-values-alone');
    expect(e.outcome).toBe('not-applicable');
    expect(e.reason).toContain('applies under aca');
    const overlay = checker.explain(former('2021-03-01'), 'dual-relationship/us-ny-romance-within-two-years');
    expect(overlay.reason).toContain('US-NY');
  });

  it('throws typed errors for an unknown rule or a bad scenario', () => {
    expect(() => checker.explain(former('2021-03-01'), 'nope')).toThrow(RuleNotFoundError);
    expect(() => checker.explain(former('2021-03-01'), 42 as never)).toThrow(RuleNotFoundError);
    expect(() => checker.explain({}, 'dual-relationship/romance-current-client')).toThrow(ScenarioError);
  });
});
