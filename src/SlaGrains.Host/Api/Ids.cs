using Microsoft.AspNetCore.Http.HttpResults;
using SlaGrains.Domain.Validation;

namespace SlaGrains.Host.Api;

/// <summary>Ids and queue names in paths, by the engine's one rule for them (<see cref="IdRules"/>), bodies' ids alike.</summary>
public static class Ids
{
    public static ProblemHttpResult? Check(string field, string id) =>
        IdRules.IsId(id) ? null : ApiProblems.Invalid(field, $"{IdRules.Quote(id)} is not a valid id: {IdRules.IdHint}.");

    public static ProblemHttpResult? CheckQueue(string field, string queue) =>
        IdRules.IsQueueName(queue) ? null : ApiProblems.Invalid(field, $"{IdRules.Quote(queue)} is not a valid queue name: {IdRules.QueueHint}.");
}
