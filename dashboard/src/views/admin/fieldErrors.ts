import { ApiError } from '../../api/ApiError';

/** A 400's `errors`: JSON path of the field (`weekly.monday[0].start`) → its messages. */
export type FieldErrors = Record<string, string[]>;

/** What a failed save shows: the messages by field, and one line for anything not about a field. */
export interface SaveFailure {
  fields: FieldErrors;
  message: string | null;
}

/** The DOM id of the input for a JSON path, so an error's field can be found, linked and focused. */
export function fieldId(scope: string, path: string): string {
  return `${scope}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}

/** Splits an API failure into field messages and a general one (a 409's detail, a network error). */
export function toFailure(error: unknown): SaveFailure {
  if (error instanceof ApiError) {
    const fields = error.problem.errors ?? {};
    const hasFields = Object.keys(fields).length > 0;
    return { fields, message: hasFields ? (error.problem.title ?? null) : error.message };
  }
  return { fields: {}, message: `The request failed: ${(error as Error).message}` };
}

/**
 * The messages of one field. Paths compare without case, as the server names a field by its JSON path while a
 * binder may report `Weekly.Monday[0]`.
 */
export function messagesFor(errors: FieldErrors, path: string): string[] {
  const wanted = path.toLowerCase();
  return Object.entries(errors).filter(([field]) => field.toLowerCase() === wanted).flatMap(([, messages]) => messages);
}

/** Attributes that tie an input to its error text: screen readers announce the message with the field. */
export function describedBy(scope: string, errors: FieldErrors, path: string, hint?: string) {
  const id = fieldId(scope, path);
  const invalid = messagesFor(errors, path).length > 0;
  const ids = [invalid ? `${id}-error` : null, hint ?? null].filter(Boolean).join(' ');
  return { id, 'aria-invalid': invalid || undefined, 'aria-describedby': ids || undefined };
}
