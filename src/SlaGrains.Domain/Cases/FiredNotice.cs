namespace SlaGrains.Domain.Cases;

/// <summary>
/// A notice the case fired, with where its actions send it: live subscribers hear of every notice, webhooks of those
/// whose notification carried a <c>webhook</c> action and of every escalation, and the email outbox takes the
/// <see cref="Emails"/> its <c>email</c> actions rendered. The case's outbox holds these until the publisher takes them.
/// </summary>
public sealed record FiredNotice(SlaNotice Notice, bool ToWebhooks, IReadOnlyList<EmailAlert>? Emails = null);
