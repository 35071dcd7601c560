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
