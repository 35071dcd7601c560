import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { ROOT } from './helpers/fixtures.js';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(args: string[], env: Record<string, string> = {}) {
  const out = sink();
  const err = sink();
  const code = await main(args, { out: out.stream as never, err: err.stream as never, env });
  return { code, out: out.text(), err: err.text() };
}

const example = (name: string) => join(ROOT, 'examples', 'scenarios', `${name}.json`);

describe('the command-line tool', () => {
  it('prints readable findings for the bundled example', async () => {
    const { code, out } = await run(['check', example('counselor-current-client')]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Scenario example-counselor-current-client, judged at 2025-06-01 under aca/);
    expect(out).toContain('CRITICAL Personal online connection with a current client');
    expect(out).toContain('ACA (2014) A.5.e Personal Virtual Relationships With Current Clients');
    expect(out).not.toContain('\x1b['); // not a terminal: no colour
  });

  it('prints the report as JSON', async () => {
    const { code, out } = await run(['check', example('former-client-counselor'), '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.findings[0]).toMatchObject({ ruleId: 'dual-relationship/romance-former-client-within-window', severity: 'critical' });
  });

  it('exits 1 when a finding is at or above --fail-on, and 0 when none is', async () => {
    expect((await run(['check', example('former-client-psychologist'), '--fail-on', 'critical'])).code).toBe(0);
    expect((await run(['check', example('former-client-psychologist'), '--fail-on', 'high'])).code).toBe(1);
  });

  it('judges at the --as-of date', async () => {
    const { out } = await run(['check', example('former-client-psychologist'), '--as-of', '2023-01-01', '--format', 'json']);
    expect(JSON.parse(out).asOf).toBe('2023-01-01');
  });

  it('exits 2 with the paths of a bad scenario', async () => {
    const { code, err } = await run(['check', example('former-client-psychologist'), '--as-of', '2023-02-30']);
    expect(code).toBe(2);
    expect(err).toContain('asOf: must be a real calendar date');
  });

  it('exits 2 on bad usage, a missing file or bad JSON', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['chek', 'x.json'])).err).toContain('unknown command "chek"');
    expect((await run(['check', '/nonexistent.json'])).err).toContain('cannot read /nonexistent.json');
    expect((await run(['check', join(ROOT, 'package.json'), '--format', 'yaml'])).code).toBe(2);
    expect((await run(['check', join(ROOT, 'tsconfig.json'), '--fail-on', 'severe'])).code).toBe(2);
    const bad = join(mkdtempSync(join(tmpdir(), 'tb-')), 'bad.json');
    writeFileSync(bad, '{ "professional": ');
    expect((await run(['check', bad])).err).toContain('is not valid JSON');
  });

  it('prints help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Exit codes:');
  });

  it('uses colour only on a terminal without NO_COLOR', async () => {
    const out = sink();
    Object.assign(out.stream, { isTTY: true });
    await main(['check', example('former-client-counselor')], { out: out.stream as never, err: sink().stream as never, env: {} });
    expect(out.text()).toContain('\x1b[');
    const plain = sink();
    Object.assign(plain.stream, { isTTY: true });
    await main(['check', example('former-client-counselor')], { out: plain.stream as never, err: sink().stream as never, env: { NO_COLOR: '1' } });
    expect(plain.text()).not.toContain('\x1b[');
  });
});
