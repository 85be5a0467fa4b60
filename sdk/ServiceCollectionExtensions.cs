using Crm.Sdk.Clients;
using Crm.Sdk.Data;
using Crm.Sdk.Events;
using Crm.Sdk.Jobs;
using Crm.Sdk.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk;

/// <summary>Registrations a module makes in <c>CrmModule.ConfigureServices</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Registers the module's DbContext against the installation's database.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services)
        where TContext : ModuleDbContext =>
        services.AddDbContext<TContext>((provider, options) => provider.GetRequiredService<IModuleDatabase>().Configure(options));

    /// <summary>Registers a handler of a domain event.</summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent> =>
        services.AddScoped<IDomainEventHandler<TEvent>, THandler>();

    /// <summary>Registers a provider of global search results.</summary>
    public static IServiceCollection AddSearchProvider<TProvider>(this IServiceCollection services)
        where TProvider : class, ISearchProvider =>
        services.AddScoped<ISearchProvider, TProvider>();

    /// <summary>Registers a source of entries for clients' timelines.</summary>
    public static IServiceCollection AddTimelineSource<TSource>(this IServiceCollection services)
        where TSource : class, ITimelineSource =>
        services.AddScoped<ITimelineSource, TSource>();

    /// <summary>Registers the module's part in handing over a leaving employee's records.</summary>
    public static IServiceCollection AddHandoverParticipant<TParticipant>(this IServiceCollection services)
        where TParticipant : class, IHandoverParticipant =>
        services.AddScoped<IHandoverParticipant, TParticipant>();

    /// <summary>Registers the module's part in merging duplicate clients.</summary>
    public static IServiceCollection AddClientMergeParticipant<TParticipant>(this IServiceCollection services)
        where TParticipant : class, IClientMergeParticipant =>
        services.AddScoped<IClientMergeParticipant, TParticipant>();

    /// <summary>Registers the module's part in deleting a client for good.</summary>
    public static IServiceCollection AddClientPurgeParticipant<TParticipant>(this IServiceCollection services)
        where TParticipant : class, IClientPurgeParticipant =>
        services.AddScoped<IClientPurgeParticipant, TParticipant>();

    /// <summary>Registers a table of figures counted ahead of time, which the host can count again from scratch.</summary>
    public static IServiceCollection AddReportSummary<TSummary>(this IServiceCollection services)
        where TSummary : class, IReportSummary =>
        services.AddScoped<IReportSummary, TSummary>();

    /// <summary>Registers a recurring job.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services)
        where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        return services.AddSingleton(new RecurringJobRegistration(typeof(TJob)));
    }
}
