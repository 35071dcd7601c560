import { describe, expect, it } from 'vitest';
import { check, parseScenario, ScenarioError } from '../src/index.js';

const valid = {
  asOf: '2025-06-01',
  professional: { profession: 'counselor' },
  client: { status: 'current' },
  gifts: [{ direction: 'from-client', kind: 'object', valueUsd: 20 }],
  relationships: [{ kind: 'friendship', with: 'client', timing: 'during' }],
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).name).toBe('ScenarioError');
    return [...(error as ScenarioError).issues];
  }
  throw new Error('expected a ScenarioError');
}

const withChange = (path: (string | number)[], value: unknown): unknown => {
  const copy = structuredClone(valid) as Record<string, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
};

describe('parseScenario', () => {
  it('accepts a valid scenario and returns it', () => {
    expect(parseScenario(valid)).toEqual(valid);
  });

  it.each([
    ['an unknown enum value', ['relationships', 0, 'kind'], 'romance', 'relationships.0.kind', /must be one of .*"romantic"/],
    ['an impossible date', ['asOf'], '2025-02-30', 'asOf', /real calendar date/],
    ['a date in the wrong form', ['asOf'], '01/06/2025', 'asOf', /real calendar date/],
    ['an unknown key', ['client', 'statuz'], 'current', 'client.statuz', /not a known field/],
    ['a wrong type', ['gifts', 0, 'valueUsd'], '20', 'gifts.0.valueUsd', /must be number, not string/],
    ['a missing required field', ['client', 'status'], undefined, 'client.status', /is required/],
    ['a negative amount', ['gifts', 0, 'valueUsd'], -5, 'gifts.0.valueUsd', /at least 0/],
    ['a negative session count', ['care'], { sessions: -1 }, 'care.sessions', /at least 0/],
    ['an unknown code', ['professional', 'codes'], ['apa', 'acaa'], 'professional.codes.1', /must be one of/],
  ])('rejects %s, naming the path', (_what, path, value, expectedPath, message) => {
    const issues = issuesOf(withChange(path, value));
    const issue = issues.find((i) => i.path === expectedPath);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it('rejects a scenario that is not an object at the root', () => {
    expect(issuesOf(42)).toEqual([{ path: '', message: 'must be object, not number' }]);
    expect(issuesOf(null)[0]?.path).toBe('');
  });

  it('reports every problem at once, not only the first', () => {
    const issues = issuesOf({ professional: { profession: 'counselr' }, client: { status: 'current', x: 1 }, asOf: '2025-13-01' });
    expect(issues.map((i) => i.path).sort()).toEqual(['asOf', 'client.x', 'professional.profession']);
  });

  it('rejects care that ends before it starts', () => {
    const issues = issuesOf({ ...valid, client: { status: 'former' }, care: { startedOn: '2024-05-01', endedOn: '2024-04-01' } });
    expect(issues).toEqual([{ path: 'care.endedOn', message: 'is before care.startedOn (2024-05-01)' }]);
  });

  it('rejects an end of care for a client who is still current', () => {
    const issues = issuesOf({ ...valid, care: { endedOn: '2024-04-01' } });
    expect(issues[0]?.path).toBe('care.endedOn');
  });

  it('accepts 29 February in a leap year and rejects it otherwise', () => {
    expect(() => parseScenario({ ...valid, asOf: '2024-02-29' })).not.toThrow();
    expect(issuesOf({ ...valid, asOf: '2023-02-29' })[0]?.path).toBe('asOf');
  });

  it('makes check() reject with the same ScenarioError', async () => {
    await expect(check({ ...valid, asOf: '2025-02-30' })).rejects.toBeInstanceOf(ScenarioError);
    await expect(check({ ...valid, asOf: '2025-02-30' })).rejects.toMatchObject({ issues: [{ path: 'asOf' }] });
  });

  it('puts the paths into the error message', () => {
    expect(() => parseScenario(withChange(['relationships', 0, 'with'], 'cliente'))).toThrow(/relationships\.0\.with/);
  });
});
