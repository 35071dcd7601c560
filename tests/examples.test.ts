import { describe, expect, it, vi } from 'vitest';

describe('examples/quickstart.ts', () => {
  it('runs and prints the finding and the typed error the README shows', async () => {
    const lines: unknown[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.length === 1 ? args[0] : args));
    try {
      await import('../examples/quickstart.js');
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toBe('critical: Sexual or romantic relationship with a former client inside the code’s bar');
    expect(lines[1]).toMatch(/Care ended 3 years 2 months before .* ACA A\.5\.c bars it for 5 years after care ends\./);
    expect(lines[2]).toBe('  cites ACA A.5.c');
    expect(lines[3]).toEqual([{ path: 'client.status', message: expect.stringContaining('"former"') }]);
  });
});
