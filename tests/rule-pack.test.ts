import { describe, expect, it } from 'vitest';
import { RulePackError } from '../src/index.js';
import { BUILTIN_PACK_SOURCE } from '../src/generated/builtin-pack.js';
import { loadRulePack, validatePackSource as validateRulePack } from '../src/rule-pack.js';

const FILE = 'rules/dual-relationship/romance-current-client.json';

/** The built-in pack with one rule file changed. */
function packWith(change: (rule: Record<string, any>) => void, file = FILE): unknown {
  const source = structuredClone(BUILTIN_PACK_SOURCE) as { rules: Record<string, Record<string, any>> };
  const rule = source.rules[file];
  if (!rule) throw new Error(`no ${file}`);
  change(rule);
  return source;
}

function issuesOf(pack: unknown) {
  const issues = validateRulePack(pack);
  try {
    loadRulePack(pack);
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    expect((error as RulePackError).name).toBe('RulePackError');
    expect((error as RulePackError).issues).toEqual(issues);
    return issues;
  }
  throw new Error('expected a RulePackError');
}

describe('the built-in pack', () => {
  it('validates without issues', () => {
    expect(validateRulePack(BUILTIN_PACK_SOURCE)).toEqual([]);
  });

  it('has at least 25 rules across the three families', () => {
    const pack = loadRulePack(BUILTIN_PACK_SOURCE);
    expect(pack.rules.length).toBeGreaterThanOrEqual(25);
    expect(new Set(pack.rules.map((r) => r.family))).toEqual(new Set(['dual-relationship', 'advice-limit', 'referral-trigger']));
  });

  it('hashes the same content to the same hash, and any change to another', () => {
    const a = loadRulePack(BUILTIN_PACK_SOURCE).hash;
    expect(loadRulePack(structuredClone(BUILTIN_PACK_SOURCE)).hash).toBe(a);
    const changed = loadRulePack(packWith((r) => (r.title = `${r.title}.`))).hash;
    expect(changed).not.toBe(a);
    const codes = structuredClone(BUILTIN_PACK_SOURCE) as any;
    codes.codes['rules/codes/apa.json'].thresholds.formerClientWindow.years = 3;
    expect(loadRulePack(codes).hash).not.toBe(a);
  });
});

describe('validateRulePack', () => {
  it('rejects a misspelt operator, naming the file, the rule and the path', () => {
    const issues = issuesOf(packWith((r) => (r.conditions.all[0].operator = 'inn')));
    expect(issues).toEqual([
      {
        file: FILE,
        rule: 'dual-relationship/romance-current-client',
        path: 'conditions.all.0.operator',
        message: expect.stringMatching(/unknown operator "inn"/),
      },
    ]);
  });

  it('rejects an unknown fact', () => {
    const issues = issuesOf(packWith((r) => (r.conditions.all[1].fact = 'relationship.who')));
    expect(issues[0]).toMatchObject({ path: 'conditions.all.1.fact', message: 'unknown fact "relationship.who"' });
  });

  it('rejects a fact that belongs to another subject', () => {
    const issues = issuesOf(packWith((r) => (r.conditions.all[1].fact = 'gift.kind')));
    expect(issues[0]?.message).toMatch(/belongs to rules on gift/);
  });

  it('rejects a value outside the fact’s enumeration', () => {
    const issues = issuesOf(packWith((r) => (r.conditions.all[0].value = ['sexual', 'romantik'])));
    expect(issues[0]).toMatchObject({ path: 'conditions.all.0.value.1', message: expect.stringMatching(/"romantic"/) });
  });

  it('rejects a numeric operator on a non-numeric fact', () => {
    const issues = issuesOf(packWith((r) => (r.conditions.all[1] = { fact: 'relationship.with', operator: 'lessThan', value: 3 })));
    expect(issues.map((i) => i.path)).toContain('conditions.all.1.operator');
  });

  it('rejects engine features a pack may not use (JSONPath, params)', () => {
    const issues = issuesOf(packWith((r) => (r.conditions.all[1].path = '$.x')));
    expect(issues[0]).toMatchObject({ path: 'conditions.all.1.path', message: 'is not supported in rule packs' });
  });

  it('rejects an empty group', () => {
    const issues = issuesOf(packWith((r) => (r.conditions = { any: [] })));
    expect(issues[0]).toMatchObject({ path: 'conditions.any' });
  });

  it('rejects a duplicate rule id', () => {
    const source = structuredClone(BUILTIN_PACK_SOURCE) as any;
    source.rules['rules/dual-relationship/copy.json'] = structuredClone(source.rules[FILE]);
    const issues = issuesOf(source);
    expect(issues).toContainEqual(expect.objectContaining({ file: 'rules/dual-relationship/romance-current-client.json', path: 'id' }));
  });

  it('rejects a citation of a section missing from the registry', () => {
    const issues = issuesOf(packWith((r) => (r.citations[0].section = '10.99')));
    expect(issues[0]).toMatchObject({ file: FILE, path: 'citations.0.section', message: expect.stringMatching(/no section "10.99"/) });
  });

  it('rejects a citation of a code missing from the registry', () => {
    const issues = issuesOf(packWith((r) => (r.guidance = [{ code: 'who', section: '1' }])));
    expect(issues[0]).toMatchObject({ path: 'guidance.0.code' });
  });

  it('rejects an empty citation list', () => {
    const issues = issuesOf(packWith((r) => (r.citations = [])));
    expect(issues[0]).toMatchObject({ file: FILE, path: 'citations' });
  });

  it('rejects a rule that rests on unconfirmed citations alone', () => {
    const issues = issuesOf(
      packWith((r) => {
        r.codes = ['apa'];
        r.citations = [{ code: 'apa', section: '6.05' }];
      }),
    );
    expect(issues[0]?.message).toMatch(/unconfirmed citations alone for "apa"/);
  });

  it('rejects a code the rule applies to but never cites', () => {
    const issues = issuesOf(packWith((r) => (r.citations = r.citations.filter((c: { code: string }) => c.code !== 'apa'))));
    expect(issues[0]?.message).toMatch(/"apa" has no citation/);
  });

  it('rejects requires that do not match the facts the conditions use', () => {
    const issues = issuesOf(packWith((r) => (r.requires = ['relationship.kind'])));
    expect(issues[0]).toMatchObject({ path: 'requires', message: expect.stringMatching(/does not list "relationship.with"/) });
  });

  it('rejects an unknown placeholder in the rationale', () => {
    const issues = issuesOf(packWith((r) => (r.rationale = 'About {{relationship.kindd}}.')));
    expect(issues[0]).toMatchObject({ path: 'rationale', message: 'unknown placeholder {{relationship.kindd}}' });
  });

  it('rejects an unknown field and a family that does not match the id', () => {
    expect(issuesOf(packWith((r) => (r.severty = 'high')))[0]).toMatchObject({ path: 'severty', message: 'is not a known field' });
    expect(issuesOf(packWith((r) => (r.family = 'advice-limit')))[0]).toMatchObject({ path: 'id' });
  });

  it('rejects a bad code file, naming it', () => {
    const source = structuredClone(BUILTIN_PACK_SOURCE) as any;
    source.codes['rules/codes/aca.json'].thresholds.formerClientBar = 'sometimes';
    const issues = issuesOf(source);
    expect(issues[0]).toMatchObject({ file: 'rules/codes/aca.json', path: 'thresholds.formerClientBar' });
  });

  it('rejects a pack without a semantic version', () => {
    expect(issuesOf({ ...BUILTIN_PACK_SOURCE, version: 'v1' })[0]).toMatchObject({ path: 'version' });
  });

  it('never throws on input that is not a pack at all', () => {
    expect(validateRulePack(null).length).toBeGreaterThan(0);
    expect(validateRulePack({ name: 'x', version: '1.0.0', rules: [1], codes: [] })[0]).toMatchObject({ file: 'rules.0' });
  });
});

describe('coverage gates', () => {
  const pack = loadRulePack(BUILTIN_PACK_SOURCE);

  it('cites every code and authority in the registry from some rule', () => {
    const cited = new Set(pack.rules.flatMap((r) => [...r.citationsByCode.keys(), ...r.guidance.map((g) => g.code)]));
    expect([...pack.codes.keys()].filter((id) => !cited.has(id))).toEqual([]);
  });

  it('has at least 60 rules, and an entry in the registry for each of the nine codes', () => {
    expect(pack.rules.length).toBeGreaterThanOrEqual(60);
    for (const id of ['apa', 'aca', 'nasw', 'aamft', 'bacb', 'ncsbn', 'ama', 'apa-psychiatry', 'naadac']) {
      expect(pack.codes.get(id)?.kind, id).toBe('ethics-code');
    }
  });

  it('applies every rule to at least one code, or to a place', () => {
    expect(pack.rules.filter((r) => r.codes.length === 0 && !r.jurisdiction).map((r) => r.id)).toEqual([]);
  });

  it('rejects an overlay that names ethics codes or cites one', () => {
    const source = structuredClone(BUILTIN_PACK_SOURCE) as any;
    const file = Object.keys(source.rules).find((f) => f.includes('overlays/US-NY')) as string;
    source.rules[file].codes = ['apa'];
    source.rules[file].citations.push({ code: 'apa', section: '10.08(a)' });
    const issues = validateRulePack(source);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['codes', 'citations.1.code']));
  });
});
