/**
 * Rationale templates: `{{fact.name}}` is replaced by the fact's value in this scenario, and
 * `{{#codes}}…{{/codes}}` is repeated for each code cited (joined with "; "), inside which
 * `{{code.*}}` names that code's fields. Nothing is evaluated: placeholders are looked up, never run.
 */

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'codes'; readonly body: readonly TemplatePart[] };

const TOKEN = /\{\{\s*([#/]?)([A-Za-z][A-Za-z0-9.]*)\s*\}\}/g;

export interface TemplateIssue {
  readonly message: string;
}

/** Parses a template; returns its parts or the problems found. */
export function parseTemplate(source: string): { parts: TemplatePart[]; issues: TemplateIssue[] } {
  const issues: TemplateIssue[] = [];
  const root: TemplatePart[] = [];
  let current = root;
  let inCodes = false;
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const [whole, sigil, name] = match as unknown as [string, string, string];
    const start = match.index ?? 0;
    if (start > last) current.push({ kind: 'text', text: source.slice(last, start) });
    last = start + whole.length;
    if (sigil === '#') {
      if (name !== 'codes') issues.push({ message: `unknown block {{#${name}}}; the only block is {{#codes}}` });
      else if (inCodes) issues.push({ message: '{{#codes}} blocks cannot be nested' });
      else {
        const body: TemplatePart[] = [];
        root.push({ kind: 'codes', body });
        current = body;
        inCodes = true;
      }
    } else if (sigil === '/') {
      if (name !== 'codes' || !inCodes) issues.push({ message: `{{/${name}}} closes no open block` });
      else {
        current = root;
        inCodes = false;
      }
    } else {
      current.push({ kind: 'var', name });
    }
  }
  if (last < source.length) current.push({ kind: 'text', text: source.slice(last) });
  if (inCodes) issues.push({ message: '{{#codes}} is never closed with {{/codes}}' });
  const stray = source.replace(TOKEN, '');
  if (stray.includes('{{') || stray.includes('}}')) issues.push({ message: 'has a malformed {{placeholder}}' });
  return { parts: root, issues };
}

/** The placeholder names a template uses, outside and inside `{{#codes}}`. */
export function templateNames(parts: readonly TemplatePart[]): { outer: string[]; inCodes: string[] } {
  const outer: string[] = [];
  const inCodes: string[] = [];
  for (const p of parts) {
    if (p.kind === 'var') outer.push(p.name);
    else if (p.kind === 'codes') for (const q of p.body) if (q.kind === 'var') inCodes.push(q.name);
  }
  return { outer, inCodes };
}

/** Fills a parsed template; `lookup` gives the text for a placeholder in the outer or a code's scope. */
export function renderTemplate(
  parts: readonly TemplatePart[],
  lookup: (name: string) => string,
  codes: readonly ((name: string) => string)[],
): string {
  const render = (ps: readonly TemplatePart[], look: (name: string) => string): string =>
    ps
      .map((p) => {
        if (p.kind === 'text') return p.text;
        if (p.kind === 'var') return look(p.name);
        return codes.map((codeLookup) => render(p.body, (n) => (n.startsWith('code.') ? codeLookup(n) : look(n)))).join('; ');
      })
      .join('');
  return render(parts, lookup);
}
