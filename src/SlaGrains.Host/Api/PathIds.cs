namespace SlaGrains.Host.Api;

/// <summary>
/// Every id and queue name in a route is checked by the engine's one rule before a handler runs: a handler cannot
/// forget it and pass a blank or malformed key to a grain (GetGrain("") throws; an odd name activates a grain for
/// nothing). Route values named <c>…Id</c> (but <c>deliveryId</c>) and <c>milestone</c> are ids, <c>queue</c> is a queue name.
/// </summary>
public static class PathIds
{
    public static TBuilder ValidatePathIds<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            {
                if (value is not string text)
                {
                    continue;
                }
                var problem = name switch
                {
                    "queue" => Ids.CheckQueue(name, text),
                    "milestone" => Ids.Check(name, text),
                    "deliveryId" => null, // built from a case id and a milestone instance ('/', '#'); only ever looked up
                    _ when name.EndsWith("Id", StringComparison.Ordinal) => Ids.Check(name, text),
                    _ => null,
                };
                if (problem is not null)
                {
                    return problem;
                }
            }
            return await next(context);
        });
}
