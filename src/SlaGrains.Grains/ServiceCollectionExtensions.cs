using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlaGrains.Domain.Validation;
using SlaGrains.Grains.Live;

namespace SlaGrains.Grains;

public static class ServiceCollectionExtensions
{
    /// <summary>What the grains need from the silo's container; a host's own <see cref="ISlaPublisher"/> registered first wins.</summary>
    public static IServiceCollection AddSlaGrains(this IServiceCollection services)
    {
        services.TryAddSingleton<ISlaPublisher, LoggingSlaPublisher>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IIncomingGrainCallFilter, StorageFailureFilter>();
        // Hosts bind Sla:Limits onto these options; the grains take the record itself, as the engine's validators do.
        services.AddOptions<Limits>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<Limits>>().Value);
        return services;
    }
}
