import type { Problem } from './model';

/** An answer other than 2xx: its problem details (every API error is one), or what little there was. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(describeProblem(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

/** One line for people: the title, then each field with its messages (`milestone: No open milestone ...`). */
export function describeProblem(status: number, problem: Problem): string {
  const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
  const head = problem.detail ?? problem.title ?? `The server answered ${status}.`;
  if (fields.length === 0) {
    return head;
  }
  const title = problem.title ?? head;
  return `${/[.!?]$/.test(title) ? title : `${title}.`} ${fields.join('; ')}`;
}
