/**
 * A CDS Hooks service on node:http: discovery, the hook, and feedback. The scenario travels in the
 * hook request's `context.scenario` (or `prefetch.scenario`); findings come back as cards.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { cdsServiceDefinition, createChecker, ScenarioError, toCdsHooksCards, type Checker } from 'therapeutic-boundaries';

export interface CdsServiceOptions {
  readonly checker?: Checker;
  /** The service id in the URL and the discovery document. */
  readonly id?: string;
  /** The largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number;
}

export interface FeedbackEntry {
  readonly card: string;
  readonly outcome: 'accepted' | 'overridden';
  readonly overrideReason?: unknown;
  readonly outcomeTimestamp?: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body['error']));
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
  });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, { error: `request body over ${limit} bytes` });
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw new HttpError(400, { error: 'the request body must be a JSON object' });
  }
}

/** Creates the server (not yet listening). `feedback` collects what clinicians did with the cards. */
export function createCdsService(options: CdsServiceOptions = {}): { server: Server; feedback: FeedbackEntry[] } {
  const checker = options.checker ?? createChecker();
  const definition = cdsServiceDefinition(options.id ? { id: options.id } : {});
  const base = `/cds-services/${definition.id}`;
  const limit = options.maxBodyBytes ?? 1_000_000;
  const feedback: FeedbackEntry[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '');
      if (req.method === 'OPTIONS') return send(res, 204, {});
      if (req.method === 'GET' && path === '/cds-services') return send(res, 200, { services: [definition] });
      if (req.method === 'POST' && path === base) {
        const body = await readJson(req, limit);
        const context = body['context'] as Record<string, unknown> | undefined;
        const prefetch = body['prefetch'] as Record<string, unknown> | undefined;
        const scenario = context?.['scenario'] ?? prefetch?.['scenario'];
        if (scenario === undefined) throw new HttpError(400, { error: 'no scenario in context.scenario or prefetch.scenario' });
        try {
          const report = checker.checkSync(scenario);
          return send(res, 200, { cards: toCdsHooksCards(report, { sourceLabel: definition.title }) });
        } catch (error) {
          if (error instanceof ScenarioError) throw new HttpError(400, { error: 'invalid scenario', issues: error.issues });
          throw error;
        }
      }
      if (req.method === 'POST' && path === `${base}/feedback`) {
        const body = await readJson(req, limit);
        const entries = body['feedback'];
        if (!Array.isArray(entries)) throw new HttpError(400, { error: 'feedback must be an array' });
        for (const [i, e] of entries.entries()) {
          const entry = e as Partial<FeedbackEntry>;
          if (typeof entry.card !== 'string' || (entry.outcome !== 'accepted' && entry.outcome !== 'overridden')) {
            throw new HttpError(400, { error: `feedback.${i} needs a card id and an outcome of accepted or overridden` });
          }
        }
        feedback.push(...(entries as FeedbackEntry[]));
        return send(res, 200, {});
      }
      throw new HttpError(404, { error: `no ${req.method ?? ''} ${path}` });
    })().catch((error: unknown) => {
      if (error instanceof HttpError) send(res, error.status, error.body);
      else send(res, 500, { error: 'internal error' });
    });
  });
  return { server, feedback };
}
