import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPack } from '../src/checker.js';
import { renderRulesDoc } from '../scripts/rules-doc.js';
import { ROOT } from './helpers/fixtures.js';

describe('docs/rules.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');

  it('is up to date with the rule files (run `npm run docs` to refresh it)', () => {
    expect(doc).toBe(renderRulesDoc(builtinPack()));
  });

  it('lists every rule, at least 60 of them, grouped by family', () => {
    const ids = [...doc.matchAll(/^`([a-z-]+\/[a-z0-9-]+)` — judged/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ids)).toEqual(new Set(builtinPack().rules.map((r) => r.id)));
    expect(doc).toMatch(/^## Dual and multiple relationships/m);
    expect(doc).toMatch(/^## Limits on giving advice/m);
    expect(doc).toMatch(/^## Referral, termination and transfer triggers/m);
  });
});

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('states the rule counts the pack has', () => {
    const rules = builtinPack().rules;
    const overlays = rules.filter((r) => r.jurisdiction).length;
    const count = (family: string) => rules.filter((r) => r.family === family && !r.jurisdiction).length;
    const stated = readme.match(/(\d+) rules, listed[\s\S]*?\n(\d+) on dual[\s\S]*?, (\d+) on the limits[\s\S]*?, (\d+)\sreferral[\s\S]*?and (\d+) jurisdiction overlays/);
    expect(stated?.slice(1).map(Number)).toEqual([rules.length, count('dual-relationship'), count('advice-limit'), count('referral-trigger'), overlays]);
  });

  it('gives exactly two commands for a fresh machine on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 30).join('\n');
    const block = firstScreen.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
    expect(block.trim().split('\n').map((l) => l.replace(/\s+#.*$/, '').trim())).toEqual(['npm ci && npm run demo', 'npm test']);
  });
});

describe('the README quickstart', () => {
  it('is examples/quickstart.ts, word for word', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = readme.split('## Quickstart')[1]?.match(/```ts\n([\s\S]*?)```/)?.[1];
    expect(block).toBe(readFileSync(join(ROOT, 'examples', 'quickstart.ts'), 'utf8'));
  });
});
