using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlaGrains.Contracts.Reports;
using SlaGrains.Domain.Validation;
using SlaGrains.Grains.Calendars;
using SlaGrains.Grains.Live;
using SlaGrains.Grains.Email;
using SlaGrains.Grains.Reports;
using SlaGrains.Grains.Webhooks;

namespace SlaGrains.Grains;

public static class ServiceCollectionExtensions
{
    /// <summary>What the grains need from the silo's container; an <see cref="ISlaPublisher"/> registered first (a test's) wins.</summary>
    public static IServiceCollection AddSlaGrains(this IServiceCollection services)
    {
        services.TryAddSingleton<ISlaPublisher, SlaPublisher>();
        services.AddSlaWebhooks();
        services.AddSlaEmail();
        services.TryAddSingleton<IReportStore, InMemoryReportStore>(); // a host with PostgreSQL registers its own first
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IIncomingGrainCallFilter, StorageFailureFilter>();
        // Hosts bind Sla:Limits onto these options; the grains take the record itself, as the engine's validators do.
        services.AddOptions<Limits>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<Limits>>().Value);
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
