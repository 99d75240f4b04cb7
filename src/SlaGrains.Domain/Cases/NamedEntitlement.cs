using NodaTime;

namespace SlaGrains.Domain.Cases;

/// <summary>
/// The first entitlement a case's history names (docs/semantics.md): the one the case asks for admission, on the date
/// it opened. <paramref name="ByOpened"/> says the <c>opened</c> event named it rather than a later <c>updated</c>.
/// </summary>
public sealed record NamedEntitlement(string EntitlementId, Instant OpenedAt, bool ByOpened);
