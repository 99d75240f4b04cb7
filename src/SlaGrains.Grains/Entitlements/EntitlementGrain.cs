using NodaTime;
using SlaGrains.Contracts;
using SlaGrains.Contracts.Calendars;
using SlaGrains.Contracts.Catalog;
using SlaGrains.Contracts.Entitlements;
using SlaGrains.Contracts.Processes;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Entitlements;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Grains.Entitlements;

[GrainType("entitlement")]
public sealed class EntitlementGrain(
    [PersistentState("entitlement", StorageNames.Sla)] IPersistentState<EntitlementState> state,
    TimeProvider clock,
    Limits limits) : Grain, IEntitlementGrain
{
    private string EntitlementId => this.GetPrimaryKeyString();

    public async Task<WriteResult<EntitlementRecord>> Put(EntitlementDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var processFound = IdRules.IsId(definition.ProcessId) &&
            await GrainFactory.GetGrain<IProcessGrain>(definition.ProcessId).GetLatest() is not null;
        var calendarFound = !IdRules.IsId(definition.CalendarId) ||
            await GrainFactory.GetGrain<ICalendarGrain>(definition.CalendarId).Read() is not null;
        var errors = EntitlementValidator.Validate(definition, _ => processFound, _ => calendarFound, limits);
        if (!errors.IsValid)
        {
            return new WriteResult<EntitlementRecord> { Errors = errors.ToDictionary() };
        }
        var previous = state.State.Definition;
        if (previous is not null && DefinitionComparer.Same(previous, definition))
        {
            return new WriteResult<EntitlementRecord> { Value = Record(previous), Unchanged = true };
        }

        // File it under the new account first: an entitlement the account cannot find would silently match nothing.
        await GrainFactory.GetGrain<IAccountGrain>(definition.AccountId).Attach(EntitlementId);
        state.State.Definition = definition;
        state.State.Ledger = state.State.Ledger with { CasesAllowed = definition.CasesAllowed };
        state.State.UpdatedAt = Now;
        await state.WriteStateAsync();
        if (previous is not null && !string.Equals(previous.AccountId, definition.AccountId, StringComparison.Ordinal))
        {
            await GrainFactory.GetGrain<IAccountGrain>(previous.AccountId).Detach(EntitlementId);
        }
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Entitlements).Add(EntitlementId);
        return new WriteResult<EntitlementRecord> { Value = Record(definition) };
    }

    public async Task<DeleteResult> Delete()
    {
        if (state.State.Definition is not { } definition)
        {
            return DeleteResult.NotFound;
        }
        if (state.State.Admitted)
        {
            return new DeleteResult { Found = true, UsedBy = ["the cases it admitted (their history and reports name it); end it with an endDate instead"] };
        }
        await GrainFactory.GetGrain<IAccountGrain>(definition.AccountId).Detach(EntitlementId);
        state.State = new EntitlementState();
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Entitlements).Remove(EntitlementId);
        return DeleteResult.Deleted;
    }

    public Task<EntitlementRecord?> Read() =>
        Task.FromResult(state.State.Definition is { } definition ? Record(definition) : null);

    public async Task<Admission> Admit(string caseId, LocalDate openDate)
    {
        if (state.State.Definition is not { } definition)
        {
            return Refused($"There is no entitlement '{EntitlementId}'.");
        }
        var status = definition.StatusOn(openDate);
        if (status != EntitlementStatus.Active)
        {
            return Refused($"Entitlement '{EntitlementId}' is {status} on the case's open date {openDate:yyyy-MM-dd} " +
                $"(valid {definition.StartDate:yyyy-MM-dd} to {(definition.EndDate is { } end ? end.ToString("yyyy-MM-dd", null) : "open-ended")}).");
        }
        var process = await GrainFactory.GetGrain<IProcessGrain>(definition.ProcessId).GetLatest();
        if (process is null || !process.Definition.Active)
        {
            return Refused(process is null
                ? $"Entitlement '{EntitlementId}' grants process '{definition.ProcessId}', which is missing."
                : $"Entitlement '{EntitlementId}' grants process '{definition.ProcessId}', which is deactivated (version {process.Version}): it admits no new cases.");
        }

        var (admitted, ledger) = state.State.Ledger.Admit(caseId);
        if (!admitted)
        {
            return Refused($"Entitlement '{EntitlementId}' has no remaining cases ({ledger.CasesAllowed} of {ledger.CasesAllowed} used).");
        }
        if (ledger != state.State.Ledger || !state.State.Admitted)
        {
            state.State.Ledger = ledger;
            state.State.Admitted = true;
            await state.WriteStateAsync();
        }
        var reason = $"Entitlement '{EntitlementId}' admits the case into process '{definition.ProcessId}' version {process.Version}" +
            (ledger.RemainingCases is { } remaining ? $" ({remaining} case(s) remain)." : ".");
        return new Admission(new EntitlementDecision(EntitlementId, true, reason, definition.ProcessId, definition.CalendarId), process.Version);
    }

    private Admission Refused(string reason) => new(new EntitlementDecision(EntitlementId, false, reason), null);

    private EntitlementRecord Record(EntitlementDefinition definition) =>
        new(EntitlementId, definition, definition.StatusOn(Now.InUtc().Date), state.State.Ledger.RemainingCases, state.State.UpdatedAt);

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());
}
