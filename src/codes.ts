import { z } from 'zod';
import { formatMonths } from './dates.js';
import type { FactType } from './facts.js';
import { RELATIONSHIP_WITH } from './scenario.js';

export const CONFIDENCES = ['confirmed', 'secondary', 'unconfirmed'] as const;
export const BARTER_CONDITIONS = ['client-request', 'fair-value', 'community-norm', 'written-contract', 'not-contraindicated'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

const Duration = z
  .strictObject({
    years: z.number().int().nonnegative().optional(),
    months: z.number().int().nonnegative().optional(),
  })
  .refine((d) => d.years !== undefined || d.months !== undefined, { message: 'give years, months or both' });

const Section = z.strictObject({
  title: z.string().min(1),
  url: z.url().optional(),
  /** How sure we are of the section's wording and number. */
  confidence: z.enum(CONFIDENCES),
  note: z.string().optional(),
});

/**
 * The thresholds in which codes differ. Rules read them as `code.*` facts, so one rule judges each
 * applied code by its own standard.
 */
const Thresholds = z.strictObject({
  /** window: barred for `formerClientWindow`; never: barred at any time; end-care-first: only after care has ended, and never by using trust or influence gained in care. */
  formerClientBar: z.enum(['window', 'never', 'end-care-first']).optional(),
  formerClientWindow: Duration.optional(),
  /** Who the bar on romance after care covers. */
  formerClientCovers: z.array(z.enum(RELATIONSHIP_WITH)).min(1).optional(),
  /** Largest gift value the code allows, in US dollars. */
  giftCapUsd: z.number().nonnegative().optional(),
  cashGifts: z.enum(['barred', 'judgment']).optional(),
  /** The conditions under which the code allows barter. */
  barterConditions: z.array(z.enum(BARTER_CONDITIONS)).min(1).optional(),
});

/** One file of `rules/codes/`: an ethics code or another authority, its sections and thresholds. */
export const CodeFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    kind: z.enum(['ethics-code', 'guideline', 'accreditation-standard', 'statute', 'regulatory-guidance', 'case-law', 'literature']),
    short: z.string().min(1),
    name: z.string().min(1),
    publisher: z.string().min(1),
    edition: z.string().min(1),
    editionNote: z.string().optional(),
    url: z.url().optional(),
    sections: z.record(z.string().min(1), Section),
    thresholds: Thresholds.optional(),
  })
  .superRefine((c, ctx) => {
    const t = c.thresholds;
    if (t?.formerClientBar === 'window' && t.formerClientWindow === undefined) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', 'formerClientWindow'], message: "is required when formerClientBar is 'window'" });
    }
    if (t?.formerClientWindow !== undefined && t.formerClientBar !== 'window') {
      ctx.addIssue({ code: 'custom', path: ['thresholds', 'formerClientWindow'], message: "only applies when formerClientBar is 'window'" });
    }
  });

export type CodeFile = z.infer<typeof CodeFileSchema>;
export type CodeSection = z.infer<typeof Section>;

/** The facts a rule reads from each applied code's thresholds, by name. */
export interface CodeFact {
  readonly type: FactType;
  readonly description: string;
  readonly get: (c: CodeFile) => unknown;
  readonly format?: (v: unknown) => string;
}

export const CODE_FACTS: ReadonlyMap<string, CodeFact> = new Map<string, CodeFact>([
  [
    'code.formerClientBar',
    {
      type: { kind: 'enum', values: ['window', 'never', 'end-care-first'] },
      description: 'How the code bars romance with a former client.',
      get: (c: CodeFile) => c.thresholds?.formerClientBar,
    },
  ],
  [
    'code.formerClientWindowMonths',
    {
      type: { kind: 'number' },
      description: 'The bar on romance with a former client, in calendar months.',
      get: (c: CodeFile) => {
        const w = c.thresholds?.formerClientWindow;
        return w ? (w.years ?? 0) * 12 + (w.months ?? 0) : undefined;
      },
      format: (v: unknown) => (typeof v === 'number' ? formatMonths(v) : String(v)),
    },
  ],
  [
    'code.formerClientRule',
    {
      type: { kind: 'string' },
      description: 'The bar on romance with a former client, in words.',
      get: (c: CodeFile) => {
        const t = c.thresholds;
        if (!t?.formerClientBar) return undefined;
        if (t.formerClientBar === 'never') return 'at any time after care';
        if (t.formerClientBar === 'end-care-first') return 'unless care has ended first and no trust, knowledge or influence from care is used';
        const w = t.formerClientWindow;
        return `for ${formatMonths((w?.years ?? 0) * 12 + (w?.months ?? 0))} after care ends`;
      },
    },
  ],
  [
    'code.formerClientCovers',
    {
      type: { kind: 'list', of: RELATIONSHIP_WITH },
      description: 'Who the bar on romance after care covers.',
      get: (c: CodeFile) => c.thresholds?.formerClientCovers,
    },
  ],
  [
    'code.giftCapUsd',
    {
      type: { kind: 'number' },
      description: 'The largest gift the code allows, in US dollars.',
      get: (c: CodeFile) => c.thresholds?.giftCapUsd,
      format: (v: unknown) => `US$${String(v)}`,
    },
  ],
  ...(
    [
      ['code.barterNeedsClientRequest', 'client-request', 'the client asks for it'],
      ['code.barterNeedsFairValue', 'fair-value', 'the exchange is fair and not exploitative'],
      ['code.barterNeedsCommunityNorm', 'community-norm', 'barter is accepted practice in the community'],
      ['code.barterNeedsWrittenContract', 'written-contract', 'the terms are in a written contract'],
      ['code.barterNeedsNoContraindication', 'not-contraindicated', 'barter is not clinically contraindicated'],
    ] as const
  ).map(
    ([name, condition, words]) =>
      [
        name,
        {
          type: { kind: 'boolean' },
          description: `Whether the code allows barter only when ${words}.`,
          get: (c: CodeFile) => c.thresholds?.barterConditions?.includes(condition),
        },
      ] satisfies [string, CodeFact],
  ),
  [
    'code.barterConditions',
    {
      type: { kind: 'list', of: BARTER_CONDITIONS },
      description: 'The conditions under which the code allows barter.',
      get: (c: CodeFile) => c.thresholds?.barterConditions,
      format: (v: unknown) => (Array.isArray(v) ? v.map((x) => String(x).replace(/-/g, ' ')).join(', ') : String(v)),
    },
  ],
  [
    'code.cashGifts',
    {
      type: { kind: 'enum', values: ['barred', 'judgment'] },
      description: 'Whether the code bars cash gifts outright.',
      get: (c: CodeFile) => c.thresholds?.cashGifts,
    },
  ],
]);
