using Microsoft.Extensions.Logging;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Cases;
using SlaGrains.Domain.Reports;

namespace SlaGrains.Grains.Cases;

/// <summary>
/// Keeps reports' facts of one case in step with its stored state (docs/architecture.md, "Reports"). After every
/// stored change the case's facts at that version go to the store; the state records the last version the store
/// acknowledged, so a case whose write was cut short (a silo kill, a store outage) sends its facts again when it next
/// wakes: on activation, or on its outbox reminder, which it keeps set while facts are owed and nothing else will wake it.
/// </summary>
internal sealed partial class CaseReports(IReportStore store, string caseId, ILogger logger)
{
    private CaseFacts? _written; // what this activation last had acknowledged: most events change no fact

    /// <summary>Whether the store has not acknowledged the facts of the stored version.</summary>
    public static bool Pending(CaseState state) => state.ReportedVersion < state.Version;

    /// <summary>
    /// Whether the case must keep its outbox reminder for its facts' sake: reports are kept, it has entered a process
    /// (so has facts) and no deadline reminder of its own would wake it.
    /// </summary>
    public bool NeedsWakeUp(CaseSnapshot snapshot, CaseReminders reminders) =>
        store.Enabled && snapshot.ProcessId is not null && !reminders.AnyDeadline;

    /// <summary>Sends the facts owed for the stored version (<see cref="Pending"/>), if any, from <paramref name="evaluate"/>.</summary>
    public async Task WriteIfPending(CaseState state, Func<Task<CaseEvaluation?>> evaluate)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(evaluate);
        if (Pending(state) && await evaluate() is { } evaluation)
        {
            await Write(evaluation, state);
        }
    }

    /// <summary>
    /// Sends the facts of <paramref name="evaluation"/> at the state's version, unless they say what the store already
    /// took from this activation; false when the store refused them.
    /// </summary>
    public async Task<bool> Write(CaseEvaluation evaluation, CaseState state)
    {
        var version = state.Version;
        if (!store.Enabled)
        {
            state.ReportedVersion = version; // nothing is owed where no reports are kept
            return true;
        }
        try
        {
            var facts = ReportFacts.From(evaluation, version);
            if (_written is null || !facts.SameAs(_written))
            {
                await store.Write(facts);
                _written = facts;
            }
            state.ReportedVersion = Math.Max(state.ReportedVersion, version);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(ex, caseId, version);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} could not write its report facts of version {Version}; they are sent again when it next wakes")]
    private partial void LogWriteFailed(Exception ex, string caseId, long version);
}
