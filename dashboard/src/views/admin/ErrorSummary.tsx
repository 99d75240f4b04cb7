import { fieldId, type SaveFailure } from './fieldErrors';

/**
 * Every problem of a failed save at the top of the form, each linking to its field (as GOV.UK's error summary), so a
 * message about a field the form does not show is never lost.
 */
export function ErrorSummary({ scope, failure }: { scope: string; failure: SaveFailure | null }) {
  if (!failure) {
    return null;
  }
  const fields = Object.entries(failure.fields);
  return (
    <div className="error-summary" role="alert">
      {failure.message && <p className="error">{failure.message}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map(([path, messages]) => (
            <li key={path}>
              <a
                href={`#${fieldId(scope, path)}`}
                onClick={(e) => {
                  const target = document.getElementById(fieldId(scope, path));
                  if (target) {
                    e.preventDefault(); // hash routes: focus the field instead of navigating
                    target.focus();
                  }
                }}
              >
                {path || 'request'}
              </a>
              : {messages.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
