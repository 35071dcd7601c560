/**
 * One problem found in an input: where it is (dot notation from the root of that input) and what
 * is wrong with it.
 */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

/** One issue on one line: `file: rule: path: message` (file and rule when known). */
export function formatIssue(issue: Issue & { readonly file?: string; readonly rule?: string }): string {
  return `${issue.file ? `${issue.file}: ` : ''}${issue.rule ? `${issue.rule}: ` : ''}${issue.path || '(root)'}: ${issue.message}`;
}

function summarize(what: string, issues: readonly Issue[]): string {
  const shown = issues.slice(0, 5).map((i) => `  - ${formatIssue(i)}`);
  const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : [];
  return [`${what} (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}):`, ...shown, ...more].join('\n');
}

/** The base of the library's errors: a message summarising every issue, and the issues as data. */
abstract class IssuesError<I extends Issue = Issue> extends Error {
  readonly issues: readonly I[];

  protected constructor(what: string, issues: readonly I[]) {
    super(summarize(what, issues));
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i })));
  }
}

/** The scenario given to `check` or `parseScenario` does not meet the contract. */
export class ScenarioError extends IssuesError {
  override readonly name = 'ScenarioError' as const;

  constructor(issues: readonly Issue[]) {
    super('Invalid scenario', issues);
  }
}

/**
 * A rule pack (built-in or supplied) is malformed; raised when a checker is created. Each issue
 * also names the file and, when known, the rule.
 */
export class RulePackError extends IssuesError<Issue & { readonly file?: string; readonly rule?: string }> {
  override readonly name = 'RulePackError' as const;

  constructor(issues: readonly (Issue & { readonly file?: string; readonly rule?: string })[]) {
    super('Invalid rule pack', issues);
  }
}

/** `explain` was asked about a rule id the checker does not have. */
export class RuleNotFoundError extends Error {
  override readonly name = 'RuleNotFoundError' as const;
  readonly ruleId: string;

  constructor(ruleId: unknown, known: readonly string[]) {
    const wanted = String(ruleId);
    const tail = wanted.split('/').pop() ?? wanted;
    const near = wanted === '' ? [] : known.filter((id) => id.endsWith(wanted) || id.includes(tail)).slice(0, 3);
    super(`No rule "${wanted}".${near.length > 0 ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
    this.ruleId = wanted;
  }
}

/** Dot notation for a path of keys and indexes: `['relationships', 0, 'kind']` → `relationships.0.kind`. */
export function dotPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'symbol' ? p.description ?? '' : String(p))).join('.');
}
