using SlaGrains.Contracts.Queues;
using SlaGrains.Domain.Cases;
using SlaGrains.Host.Hosting;

namespace SlaGrains.Host.Lifecycle;

/// <summary>
/// Runs an operation on every open case, read page by page from the list of all open cases (<see cref="CaseIndexes.All"/>),
/// a few cases at a time: what a calendar version and a move of cases to a process version do to open cases.
/// </summary>
public static class OpenCases
{
    private const int PageSize = 500;
    private const int Parallel = 8;

    /// <summary>The results <paramref name="operation"/> gives, without nulls (cases it did not concern), in list order.</summary>
    public static async Task<IReadOnlyList<T>> ForEach<T>(GrainReferences grains, Func<string, Task<T?>> operation) where T : class
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(operation);
        var results = new List<T>();
        var index = grains.Get<IQueueGrain>(CaseIndexes.All);
        QueuePosition? after = null;
        while (true)
        {
            var page = await index.Page(new QueueQuery { After = after, Limit = PageSize });
            foreach (var chunk in page.Chunk(Parallel))
            {
                results.AddRange((await Task.WhenAll(chunk.Select(e => operation(e.CaseId)))).OfType<T>());
            }
            if (page.Count < PageSize)
            {
                return results;
            }
            after = QueuePosition.Of(page[^1]);
        }
    }
}
