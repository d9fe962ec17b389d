import { errorShapeProblem, sendRaw } from '../http-answers';
import { badRequests, type FuzzTarget } from './bad-requests';
import { openApiOperations, type Operation } from './openapi-operations';

/** The seed of this run: fixed, so every run sends the same requests; `FUZZ_SEED=<n>` explores others. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);

export interface FuzzReport {
  operations: string[];
  sent: number;
  /** How many answers had each status, to see what the run exercised. */
  statuses: Record<number, number>;
  /** Each answer that broke the rules: a 5xx, no answer, or a 4xx without the contract's error body. */
  failures: string[];
}

export interface FuzzOptions {
  seed: number;
  /** Random cases per operation and kind, on top of the fixed catalogue. */
  randomRuns?: number;
  /** How to call each operation; null leaves it out (say why in the spec). */
  target(op: Operation): FuzzTarget | null;
  /** Requests in flight at once. */
  concurrency?: number;
}

/**
 * Sends every bad request of every operation in the app's OpenAPI document and reports each answer
 * that is a 5xx, missing, or a 4xx not shaped `{ error: { code, message, details } }`. Whether
 * anything changed is the caller's to check (a snapshot of its tables and queue keys).
 */
export async function fuzzEndpoints(baseUrl: string, options: FuzzOptions): Promise<FuzzReport> {
  const operations = await openApiOperations(baseUrl);
  const cases = operations.flatMap((op) => {
    const target = options.target(op);
    return target ? badRequests(op, target, options.seed, options.randomRuns ?? 20) : [];
  });
  const report: FuzzReport = { operations: operations.map((op) => `${op.method} ${op.path}`), sent: 0, statuses: {}, failures: [] };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const { label, request } = cases[next++];
      try {
        const answer = await sendRaw(baseUrl, request);
        report.sent++;
        report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
        const shape = answer.status >= 400 && answer.status < 500 ? errorShapeProblem(answer) : null;
        if (answer.status >= 500) report.failures.push(`${label} -> ${answer.status} ${answer.text.slice(0, 200)}`);
        else if (shape) report.failures.push(`${label} -> ${answer.status} with ${shape}: ${answer.text.slice(0, 200)}`);
      } catch (error) {
        report.failures.push(`${label} -> no answer (${(error as Error).message})`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return report;
}
