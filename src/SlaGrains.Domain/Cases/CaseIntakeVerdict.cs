using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.Cases;

/// <summary>The case's answer to an event before it is applied: the outcome, and for a refusal the fields at fault.</summary>
public sealed record CaseIntakeVerdict(CaseIntakeOutcome Outcome, ValidationErrors? Errors = null)
{
    public static readonly CaseIntakeVerdict Accept = new(CaseIntakeOutcome.Accept);
}
