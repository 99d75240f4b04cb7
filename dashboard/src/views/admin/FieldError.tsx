import { fieldId, messagesFor, type FieldErrors } from './fieldErrors';

/** The server's message for one field, right under it, with the id its input's aria-describedby names. */
export function FieldError({ scope, errors, path }: { scope: string; errors: FieldErrors; path: string }) {
  const messages = messagesFor(errors, path);
  if (messages.length === 0) {
    return null;
  }
  return <span className="error field-error" id={`${fieldId(scope, path)}-error`}>{messages.join(' ')}</span>;
}
