import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker, RulePackError, validateRulePack } from '../src/index.js';
import { builtinPack } from '../src/checker.js';
import { validatePackSource } from '../src/rule-pack.js';
import { scenario } from '../src/testing.js';
import { ROOT } from './helpers/fixtures.js';

const builtinRule = (id: string) => JSON.parse(readFileSync(join(ROOT, 'rules', `${id}.json`), 'utf8')) as Record<string, any>;
const pack = (rules: unknown[], extra: Record<string, unknown> = {}) => ({ name: 'org/policy', version: '1.2.0', rules, ...extra });

function packIssues(options: Parameters<typeof createChecker>[0]) {
  try {
    createChecker(options);
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    return [...(error as RulePackError).issues];
  }
  throw new Error('expected a RulePackError');
}

const gift30 = scenario('counselor').gift({ direction: 'from-client', kind: 'object', valueUsd: 30 }).build();

describe('custom packs', () => {
  it('adds a pack’s rules and names the pack, with its version, in the ruleset', () => {
    const rule = { ...builtinRule('dual-relationship/gift-weigh-factors'), id: 'dual-relationship/org-gift-log', title: 'Log every gift' };
    const checker = createChecker({ packs: [pack([rule])] });
    const report = checker.checkSync(gift30);
    expect(report.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['dual-relationship/gift-weigh-factors', 'dual-relationship/org-gift-log']));
    expect(report.ruleset.name).toBe('therapeutic-boundaries/core + org/policy');
    expect(report.ruleset.packs).toEqual([{ name: 'therapeutic-boundaries/core', version: builtinPack().version }, { name: 'org/policy', version: '1.2.0' }]);
    expect(report.ruleset.hash).not.toBe(createChecker().ruleset.hash);
  });

  it('replaces a built-in rule only when the pack says so', () => {
    const stricter = { ...builtinRule('dual-relationship/gift-weigh-factors'), severity: 'high' };
    expect(packIssues({ packs: [pack([stricter])] })).toEqual([
      expect.objectContaining({ file: 'packs.0.rules.0', rule: 'dual-relationship/gift-weigh-factors', path: 'id' }),
    ]);
    const checker = createChecker({ packs: [pack([{ ...stricter, overrides: 'dual-relationship/gift-weigh-factors' }])] });
    expect(checker.checkSync(gift30).findings.find((f) => f.ruleId === 'dual-relationship/gift-weigh-factors')?.severity).toBe('high');
    expect(checker.rules.length).toBe(createChecker().rules.length);
  });

  it('rejects an override of a rule that does not exist', () => {
    const rule = { ...builtinRule('dual-relationship/gift-weigh-factors'), id: 'dual-relationship/x', overrides: 'dual-relationship/nope' };
    expect(packIssues({ packs: [pack([rule])] })[0]).toMatchObject({ path: 'overrides', message: 'names no existing rule "dual-relationship/nope"' });
  });

  it('lets a pack add authorities of its own, but not redefine a built-in code', () => {
    const code = { id: 'org-handbook', kind: 'guideline', short: 'Handbook', name: 'Staff handbook', publisher: 'Org', edition: '2026', sections: { '7': { title: 'Gifts', confidence: 'confirmed' } } };
    const rule = { ...builtinRule('dual-relationship/gift-weigh-factors'), id: 'dual-relationship/org-gifts', citations: undefined, guidance: [{ code: 'org-handbook', section: '7' }] };
    const checker = createChecker({ packs: [pack([rule], { codes: [code] })] });
    const finding = checker.checkSync(gift30).findings.find((f) => f.ruleId === 'dual-relationship/org-gifts');
    expect(finding?.citations).toEqual([expect.objectContaining({ code: 'org-handbook', section: '7', binding: false })]);
    const clash = { ...code, id: 'aca', kind: 'ethics-code' };
    expect(packIssues({ packs: [pack([], { codes: [clash] })] })[0]?.message).toMatch(/duplicate code id "aca" \(a built-in code\)/);
  });

  it('disables rules and sets severities by rule id, and rejects unknown ids', () => {
    const checker = createChecker({ disable: ['dual-relationship/gift-weigh-factors'], severity: { 'dual-relationship/online-connection-current-client': 'moderate' } });
    const report = checker.checkSync(scenario('counselor').gift({ direction: 'from-client', kind: 'object', valueUsd: 30 }).conduct({ kind: 'online-contact', detail: 'friend-request-accepted' }).build());
    expect(report.findings.map((f) => f.ruleId)).not.toContain('dual-relationship/gift-weigh-factors');
    expect(report.findings.find((f) => f.ruleId === 'dual-relationship/online-connection-current-client')?.severity).toBe('moderate');
    expect(packIssues({ disable: ['dual-relationship/none'] })[0]).toMatchObject({ path: 'disable.0' });
    expect(packIssues({ severity: { 'dual-relationship/none': 'low' } })[0]).toMatchObject({ path: 'severity.dual-relationship/none' });
  });

  it('adds overlays, which may only carry jurisdiction rules and may not override', () => {
    const overlay = JSON.parse(readFileSync(join(ROOT, 'rules', 'overlays', 'US-NY', 'romance-within-two-years.json'), 'utf8'));
    const mine = { ...overlay, id: 'dual-relationship/org-xx-ex-rule', jurisdiction: 'XX-EX' };
    expect(() => createChecker({ overlays: [pack([mine])] })).not.toThrow();
    const noPlace = { ...builtinRule('dual-relationship/gift-weigh-factors'), id: 'dual-relationship/org-y' };
    expect(packIssues({ overlays: [pack([noPlace])] })[0]).toMatchObject({ path: 'jurisdiction' });
  });

  it('validates a pack against the built-in rules without throwing', () => {
    expect(validateRulePack(pack([{ ...builtinRule('dual-relationship/gift-weigh-factors'), overrides: 'dual-relationship/gift-weigh-factors' }]))).toEqual([]);
    const issues = validateRulePack(pack([{ ...builtinRule('dual-relationship/gift-weigh-factors'), conditions: { all: [{ fact: 'gift.valu', operator: 'equal', value: 1 }] } }]));
    expect(issues.map((i) => i.path)).toContain('conditions.all.0.fact');
  });

  it('rejects an override inside a self-contained pack', () => {
    const issues = validatePackSource({ name: 'x', version: '1.0.0', rules: [{ ...builtinRule('dual-relationship/gift-weigh-factors'), overrides: 'a/b' }], codes: [] });
    expect(issues.map((i) => i.path)).toContain('overrides');
  });

  it('validates an overlay as an overlay', () => {
    const rule = { ...builtinRule('dual-relationship/gift-weigh-factors'), id: 'dual-relationship/org-z' };
    expect(validateRulePack(pack([rule]), { overlay: true })[0]).toMatchObject({ path: 'jurisdiction' });
    expect(validateRulePack(pack([rule]))).toEqual([]);
  });
});

describe('checker options', () => {
  it('rejects options of the wrong shape with a RulePackError naming the option', () => {
    expect(packIssues({ packs: 'policy.json' as never })[0]).toMatchObject({ file: '(options)', path: 'packs' });
    expect(packIssues({ disable: [1] as never })[0]).toMatchObject({ path: 'disable.0' });
    expect(packIssues({ severity: { 'dual-relationship/gift-weigh-factors': 'severe' } as never })[0]).toMatchObject({ path: 'severity.dual-relationship/gift-weigh-factors' });
    expect(packIssues({ now: 'today' as never })[0]).toMatchObject({ path: 'now' });
    expect(packIssues({ pack: [] } as never)[0]?.message).toBe('unknown options: pack');
  });
});
