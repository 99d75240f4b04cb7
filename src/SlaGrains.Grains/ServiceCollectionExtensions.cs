using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SlaGrains.Grains.Calendars;
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
        services.AddCompiledCalendars();
        return services;
    }

    /// <summary>The shared cache of compiled calendars; a front-end without a silo uses it for the add/elapsed helpers.</summary>
    public static IServiceCollection AddCompiledCalendars(this IServiceCollection services)
    {
        services.AddOptions<CalendarCacheOptions>();
        services.TryAddSingleton<CompiledCalendars>();
        return services;
    }
}
