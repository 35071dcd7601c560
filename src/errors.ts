/**
 * One problem found in an input: where it is (dot notation from the root of that input) and what
 * is wrong with it.
 */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

function summarize(what: string, issues: readonly Issue[]): string {
  const shown = issues.slice(0, 5).map((i) => `  - ${i.path || '(root)'}: ${i.message}`);
  const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : [];
  return [`${what} (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}):`, ...shown, ...more].join('\n');
}

/** The scenario given to `check` or `parseScenario` does not meet the contract. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError' as const;
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(summarize('Invalid scenario', issues));
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i })));
  }
}

/** A rule pack (built-in or supplied) is malformed; raised when a checker is created. */
export class RulePackError extends Error {
  override readonly name = 'RulePackError' as const;
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(summarize('Invalid rule pack', issues));
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i })));
  }
}

/** Dot notation for a path of keys and indexes: `['relationships', 0, 'kind']` → `relationships.0.kind`. */
export function dotPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'symbol' ? p.description ?? '' : String(p))).join('.');
}
