using Crm.Sdk;
using Crm.Sdk.Modules;
using Crm.TestModules.Notes.Api;
using Crm.TestModules.Notes.Data;
using Crm.TestModules.Notes.Notes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.TestModules.Notes;

public sealed class NotesModule : CrmModule
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddModuleDbContext<NotesDbContext>();
        services.AddScoped<NoteService>();
        services.AddDomainEventHandler<NoteCreated, NotifyOwnerOfNote>();
        services.AddDomainEventHandler<NoteCreated, RetryFlakyNotes>();
        services.AddSearchProvider<NoteSearch>();
        services.AddTimelineSource<NotesOnTimeline>();
        services.AddHandoverParticipant<NotesHandover>();
        services.AddClientMergeParticipant<NotesMerge>();
        services.AddClientPurgeParticipant<NotesPurge>();
    }

    public override void Contribute(ModuleContributions contributions)
    {
        foreach (var permission in Permissions.All) contributions.Permission(permission);
        contributions.Menu(Menu.Notes);
        contributions.Template(DocumentTemplates.NoteCard);
        contributions.Widget(new DashboardWidget("Widget.LatestNotes", typeof(LatestNotes), Permissions.View));
        contributions.Setting(Settings.Intro).Setting(Settings.PageSize);
        contributions.Panel(new Crm.Sdk.Clients.CardPanel("Panel.Notes", typeof(CompanyNotes), Permissions.View));
    }

    public override void MapApi(IEndpointRouteBuilder api) => NotesApi.Map(api);
}
