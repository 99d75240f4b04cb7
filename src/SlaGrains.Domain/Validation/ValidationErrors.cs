namespace SlaGrains.Domain.Validation;

/// <summary>
/// Field-keyed validation messages, shaped like RFC 7807's <c>errors</c> member so the API can return them as they are.
/// Field names are JSON paths of the submitted document (<c>weekly.monday[1].end</c>).
/// </summary>
public sealed class ValidationErrors
{
    // Made with the first error: every event is validated, and nearly all are valid.
    private Dictionary<string, List<string>>? _errors;

    public bool IsValid => _errors is null;

    public void Add(string field, string message)
    {
        _errors ??= new(StringComparer.Ordinal);
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }
        messages.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        (_errors ?? []).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void ThrowIfInvalid(string what)
    {
        if (!IsValid)
        {
            throw new DomainValidationException(what, this);
        }
    }

    public override string ToString() =>
        string.Join("; ", (_errors ?? []).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
