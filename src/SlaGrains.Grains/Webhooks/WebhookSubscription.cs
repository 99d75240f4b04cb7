using NodaTime;
using Orleans.Core;
using SlaGrains.Contracts.Webhooks;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// A webhook's subscription, kept in its head (<see cref="WebhookState"/>): checks and applies a definition or a secret
/// rotation, and says which notices the webhook wants. It never stores anything; the grain writes the head after a change.
/// </summary>
internal sealed class WebhookSubscription(IStorage<WebhookState> state, OutboundUrlPolicy policy)
{
    private const int MaxFilterValues = 100;
    private static readonly Duration MaxOverlap = Duration.FromDays(7);

    private static IReadOnlyList<string> Types => SlaNotice.Types;

    private WebhookState State => state.State;

    public WebhookDefinition? Definition => State.Definition;

    /// <summary>The field-named problems of a definition, before anything changes.</summary>
    public ValidationErrors Check(WebhookDefinition definition)
    {
        var errors = new ValidationErrors();
        if (policy.Refusal(definition.Url) is { } refusal)
        {
            errors.Add("url", refusal);
        }
        if (definition.Events is not { Count: > 0 } events)
        {
            errors.Add("events", $"Subscribe to at least one of {string.Join(", ", Types)}.");
        }
        else if (events.FirstOrDefault(e => !Types.Contains(e)) is { } unknown)
        {
            errors.Add("events", $"'{unknown}' is not an event type; use {string.Join(", ", Types)}.");
        }
        if (definition.Secret is not { Length: >= 16 })
        {
            errors.Add("secret", "Give a secret of at least 16 characters; it signs every delivery.");
        }
        CheckFilter(errors, "filters.queues", definition.Filters?.Queues, IdRules.IsQueueName, IdRules.QueueHint);
        CheckFilter(errors, "filters.processIds", definition.Filters?.ProcessIds, IdRules.IsId, IdRules.IdHint);
        return errors;
    }

    /// <summary>True when a valid definition says what the stored one already says (a repeated PUT).</summary>
    public bool Same(WebhookDefinition definition) =>
        State.Definition == definition || (State.Definition is { } old && old.Url == definition.Url && old.Secret == definition.Secret &&
            old.Events!.SequenceEqual(definition.Events!) && DefinitionComparer.Same(old.Filters, definition.Filters));

    /// <summary>Takes a checked definition into the head.</summary>
    public void Apply(WebhookDefinition definition, Instant now)
    {
        if (State.Definition?.Secret != definition.Secret)
        {
            // A secret changed by a PUT takes over at once: only rotate-secret keeps the old one signing for a while.
            State.PreviousSecret = null;
            State.PreviousSecretUntil = null;
        }
        State.Definition = definition with { Events = [.. definition.Events!.Distinct(StringComparer.Ordinal)] };
        State.UpdatedAt = now;
    }

    /// <summary>Checks a rotation, and on success takes the new secret, keeping the old one signing for the overlap.</summary>
    public ValidationErrors Rotate(string? secret, long overlapSeconds, Instant now)
    {
        var definition = State.Definition!;
        var errors = new ValidationErrors();
        if (secret is not { Length: >= 16 })
        {
            errors.Add("secret", "Give a secret of at least 16 characters; it signs every delivery.");
        }
        else if (secret == definition.Secret)
        {
            errors.Add("secret", "This is the secret already in use; give a new one.");
        }
        if (overlapSeconds < 0 || overlapSeconds > MaxOverlap.TotalSeconds)
        {
            errors.Add("overlapSeconds", $"overlapSeconds is 0 to {MaxOverlap.TotalSeconds:0} (7 days).");
        }
        if (errors.IsValid)
        {
            State.PreviousSecret = overlapSeconds > 0 ? definition.Secret : null;
            State.PreviousSecretUntil = overlapSeconds > 0 ? now + Duration.FromSeconds(overlapSeconds) : null;
            State.Definition = definition with { Secret = secret };
            State.UpdatedAt = now;
        }
        return errors;
    }

    /// <summary>The replaced secret while a rotation's overlap lasts: it signs beside the new one.</summary>
    public string? PreviousSecret(Instant now) => State.PreviousSecretUntil > now ? State.PreviousSecret : null;

    /// <summary>Subscribed to the notice's type, and its filters let it through.</summary>
    public bool Wants(SlaNotice notice) =>
        State.Definition?.Events is { } events && events.Contains(notice.Type) && Passes(State.Definition.Filters, notice);

    public WebhookRecord Record(string webhookId, int pending, Instant now) =>
        new(webhookId, State.Definition!.Url!, State.Definition.Events!, State.UpdatedAt, pending,
            State.Definition.Filters, State.Paused, State.PreviousSecretUntil > now ? State.PreviousSecretUntil : null);

    /// <summary>An empty or missing filter list lets everything through; a notice without a queue or process passes no list.</summary>
    private static bool Passes(WebhookFilters? filters, SlaNotice notice) =>
        filters is null ||
        ((filters.Queues is not { Count: > 0 } queues || (notice.Queue is { } queue && queues.Contains(queue))) &&
         (filters.ProcessIds is not { Count: > 0 } processes || (notice.ProcessId is { } process && processes.Contains(process))));

    private static void CheckFilter(ValidationErrors errors, string field, IReadOnlyList<string>? values, Func<string?, bool> valid, string hint)
    {
        if (values is null)
        {
            return;
        }
        if (values.Count > MaxFilterValues)
        {
            errors.Add(field, $"At most {MaxFilterValues} values; this one has {values.Count}.");
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (!valid(values[i]))
            {
                errors.Add($"{field}[{i}]", $"{IdRules.Quote(values[i])} is not valid: {hint}.");
            }
        }
    }
}
