import { mkdtempSync, writeFileSync, mkdirSync, cpSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli.js';
import { ROOT } from './helpers/fixtures.js';

function sink(tty = false) {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  Object.assign(stream, { isTTY: tty });
  return { stream, text: () => text };
}

async function run(args: string[], extra: Partial<CliIo> & { tty?: boolean } = {}) {
  const out = sink(extra.tty);
  const err = sink();
  const code = await main(args, { out: out.stream, err: err.stream, env: {}, ...extra });
  return { code, out: out.text(), err: err.text() };
}

const example = (name: string) => join(ROOT, 'examples', 'scenarios', `${name}.json`);
const tmp = () => mkdtempSync(join(tmpdir(), 'tb-cli-'));
const write = (dir: string, name: string, data: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
};

describe('check', () => {
  it('prints readable findings for the bundled example', async () => {
    const { code, out } = await run(['check', example('counselor-current-client')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Scenario example-counselor-current-client, judged at 2025-06-01 under aca/);
    expect(out).toContain('CRITICAL Personal online connection with a current client');
    expect(out).toContain('ACA (2014) A.5.e Personal Virtual Relationships With Current Clients');
    expect(out).not.toContain('\x1b[');
  });

  it('prints the report as JSON', async () => {
    const { code, out } = await run(['check', example('former-client-counselor'), '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).findings[0]).toMatchObject({ ruleId: 'dual-relationship/romance-former-client-within-window', severity: 'critical' });
  });

  it('exits 1 when a finding is at or above --fail-on, and 0 when none is', async () => {
    expect((await run(['check', example('former-client-psychologist'), '--fail-on', 'critical'])).code).toBe(0);
    expect((await run(['check', example('former-client-psychologist'), '--fail-on', 'high'])).code).toBe(1);
  });

  it('judges at --as-of, under --codes, in --jurisdiction', async () => {
    const { out } = await run(['check', example('former-client-psychologist'), '--as-of', '2023-01-01', '--codes', 'apa,aca', '--jurisdiction', 'US-NY', '--format', 'json']);
    const report = JSON.parse(out);
    expect(report.asOf).toBe('2023-01-01');
    expect(report.codes).toEqual(['apa', 'aca']);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('dual-relationship/romance-former-client-within-window');
  });

  it('reads standard input with "-"', async () => {
    const text = readFileSync(example('former-client-counselor'), 'utf8');
    const { code, out } = await run(['check', '-', '--format', 'json'], { stdin: () => text });
    expect(code).toBe(0);
    expect(JSON.parse(out).scenarioId).toBe('example-former-client-counselor');
  });

  it('reads NDJSON and writes one report per line, naming bad lines', async () => {
    const good = JSON.parse(readFileSync(example('former-client-counselor'), 'utf8'));
    const file = write(tmp(), 'batch.ndjson', [JSON.stringify(good), '', JSON.stringify({ ...good, id: 'b', asOf: '2025-02-30' }), JSON.stringify({ ...good, id: 'c' })].join('\n'));
    const { code, out, err } = await run(['check', file, '--format', 'json']);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].scenarioId).toBe('example-former-client-counselor');
    expect(lines[1]).toEqual({ line: 3, error: { name: 'ScenarioError', issues: [{ path: 'asOf', message: 'must be a real calendar date written YYYY-MM-DD' }] } });
    expect(lines[2].scenarioId).toBe('c');
    expect(err).toContain('line 3: invalid scenario');
    expect(code).toBe(2);
  });

  it('shows progress on standard error for batches that run longer than a second', async () => {
    const good = readFileSync(example('former-client-counselor'), 'utf8').replace(/\s+/g, ' ');
    const file = write(tmp(), 'batch.ndjson', Array.from({ length: 5 }, () => good).join('\n'));
    let t = 0;
    const slow = await run(['check', file, '--format', 'json'], { now: () => (t += 600) });
    expect(slow.err).toMatch(/checked \d of 5 scenarios/);
    expect(slow.err).toContain('checked 5 of 5 scenarios');
    const fast = await run(['check', file, '--format', 'json'], { now: () => 0 });
    expect(fast.err).toBe('');
  });

  it('uses colour only on a terminal without NO_COLOR', async () => {
    expect((await run(['check', example('former-client-counselor')], { tty: true })).out).toContain('\x1b[');
    expect((await run(['check', example('former-client-counselor')], { tty: true, env: { NO_COLOR: '1' } })).out).not.toContain('\x1b[');
  });

  it('exits 2 with the paths of a bad scenario, and on bad usage', async () => {
    const bad = await run(['check', example('former-client-psychologist'), '--as-of', '2023-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('asOf: must be a real calendar date');
    expect((await run([])).code).toBe(2);
    expect((await run(['chek', 'x.json'])).err).toContain('unknown command "chek"');
    expect((await run(['check', '/nonexistent.json'])).err).toContain('cannot read /nonexistent.json');
    expect((await run(['check', example('former-client-counselor'), '--format', 'yaml'])).code).toBe(2);
    expect((await run(['check', example('former-client-counselor'), '--fail-on', 'severe'])).code).toBe(2);
    expect((await run(['check', example('former-client-counselor'), '--colour'])).err).toContain("Unknown option '--colour'");
    expect((await run(['check', write(tmp(), 'bad.json', '{ "professional": ')])).err).toContain('is not valid JSON');
  });
});

describe('packs, validate and rules', () => {
  const misspelt = () => {
    const dir = tmp();
    cpSync(join(ROOT, 'examples', 'board-overlay', 'pack'), join(dir, 'pack'), { recursive: true });
    const file = join(dir, 'pack', 'rules', 'gift-over-board-limit.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"greaterThan"', '"greaterThen"'));
    return { pack: join(dir, 'pack'), file };
  };

  it('validates the example overlay', async () => {
    const { code, out } = await run(['validate', join(ROOT, 'examples', 'board-overlay', 'pack'), '--overlay']);
    expect(code).toBe(0);
    expect(out).toContain('valid (example-board/overlay@1.0.0; 2 rules added)');
  });

  it('names the file, the rule and the path of a misspelt operator, with exit code 2', async () => {
    const { pack, file } = misspelt();
    const { code, err } = await run(['validate', pack, '--overlay']);
    expect(code).toBe(2);
    expect(err).toContain(`${file}: dual-relationship/example-board-gift-over-limit: conditions.all.1.operator: unknown operator "greaterThen"`);
    expect((await run(['check', example('former-client-counselor'), '--overlay', pack])).code).toBe(2);
  });

  it('rejects a pack rule that takes a built-in id without saying it overrides it', async () => {
    const dir = tmp();
    const rule = JSON.parse(readFileSync(join(ROOT, 'rules', 'dual-relationship', 'gift-weigh-factors.json'), 'utf8'));
    const file = write(dir, 'pack.json', { name: 'p', version: '1.0.0', rules: [rule] });
    const { code, err } = await run(['validate', file]);
    expect(code).toBe(2);
    expect(err).toContain(`${file}#rules.0: dual-relationship/gift-weigh-factors: id: "dual-relationship/gift-weigh-factors" is already a rule`);
  });

  it('lists rules by family and code', async () => {
    const { code, out } = await run(['rules', '--family', 'referral-trigger', '--code', 'nasw']);
    expect(code).toBe(0);
    expect(out).toContain('referral-trigger/nonpayment-termination');
    expect(out).not.toContain('dual-relationship/');
    expect(out).not.toContain('referral-trigger/referral-on-values-alone'); // ACA only
    const json = JSON.parse((await run(['rules', '--format', 'json'])).out);
    expect(json.length).toBeGreaterThanOrEqual(60);
  });
});

describe('explain', () => {
  it('shows why a rule did not fire when one fact is off by a day', async () => {
    const dir = tmp();
    const scenario = {
      asOf: '2021-02-28',
      professional: { profession: 'psychologist' },
      client: { status: 'former' },
      care: { endedOn: '2019-03-01' },
      relationships: [{ kind: 'romantic', with: 'client', timing: 'after', promisedDuringCare: false }],
    };
    const file = write(dir, 's.json', scenario);
    const { code, out } = await run(['explain', file, 'dual-relationship/romance-former-client-after-window']);
    expect(code).toBe(0);
    expect(out).toContain('Judged at 2021-02-28 under apa: quiet');
    expect(out).toContain('✗ relationship.monthsAfterCare = 23 [care.endedOn, care.lastContactOn, relationships.0.startedOn] greaterThanInclusive code.formerClientWindowMonths = 24');
    const nextDay = await run(['explain', file, 'dual-relationship/romance-former-client-after-window', '--as-of', '2021-03-01']);
    expect(nextDay.out).toContain('under apa: fired');
    const json = JSON.parse((await run(['explain', file, 'dual-relationship/romance-former-client-within-window', '--format', 'json'])).out);
    expect(json.outcome).toBe('fired');
  });

  it('exits 2 for an unknown rule, suggesting near ones', async () => {
    const { code, err } = await run(['explain', example('former-client-counselor'), 'romance-former-client-within']);
    expect(code).toBe(2);
    expect(err).toContain('Did you mean "dual-relationship/romance-former-client-within-window"');
  });
});

describe('test', () => {
  const board = join(ROOT, 'examples', 'board-overlay');

  it('runs the example board overlay’s golden cases with full coverage', async () => {
    const { code, out } = await run(['test', join(board, 'tests'), '--overlay', join(board, 'pack'), '--coverage', '--threshold', '100']);
    expect(out).toContain('5 passed, 0 failed');
    expect(out).toContain('100.0% of 2 rules covered both ways');
    expect(code).toBe(0);
  });

  it('prints a readable diff for a failing case and exits 1', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'cases'));
    write(join(dir, 'cases'), 'wrong.json', {
      name: 'expects the wrong severity',
      scenario: JSON.parse(readFileSync(example('former-client-psychologist'), 'utf8')),
      expect: { findings: [{ ruleId: 'dual-relationship/romance-former-client-after-window', severity: 'critical' }], absent: ['dual-relationship/romance-former-client-within-window'] },
    });
    const { code, out } = await run(['test', join(dir, 'cases')]);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  expects the wrong severity');
    expect(out).toContain('- dual-relationship/romance-former-client-after-window: expected severity critical, got high');
    expect(out).toContain('+ high     dual-relationship/romance-former-client-after-window (relationships.0)  apa 10.08(b)');
    expect(out).toContain('0 passed, 1 failed');
  });

  it('exits 1 when coverage is below the threshold', async () => {
    const dir = tmp();
    cpSync(join(board, 'tests', 'gift-30-fires.json'), join(dir, 'one.json'));
    const { code, out, err } = await run(['test', dir, '--overlay', join(board, 'pack'), '--coverage', '--threshold', '75']);
    expect(out).toContain('1 passed, 0 failed');
    expect(err).toContain('coverage 0.0% is below the threshold of 75%');
    expect(code).toBe(1);
  });
});

describe('help', () => {
  it.each(['check', 'explain', 'test', 'validate', 'rules'])('has --help for %s', async (command) => {
    const { code, out } = await run([command, '--help']);
    expect(code).toBe(0);
    expect(out).toContain(`Usage: therapeutic-boundaries ${command}`);
    expect(out).toContain('Exit codes:');
  });

  it('has an overview', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('therapeutic-boundaries check <file|->');
  });
});

describe('version', () => {
  it('prints the ruleset name and version', async () => {
    const { code, out } = await run(['--version']);
    expect(code).toBe(0);
    expect(out).toMatch(/^therapeutic-boundaries\/core@\d+\.\d+\.\d+\n$/);
  });
});
