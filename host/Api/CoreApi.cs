using Crm.Host.People;

namespace Crm.Host.Api;

/// <summary>The host's own endpoints under /api/v1, one group per feature.</summary>
public static class CoreApi
{
    public static void Map(RouteGroupBuilder api)
    {
        MeApi.Map(api);
        SearchApi.Map(api);
        ModulesApi.Map(api.MapGroup("/modules").WithTags("modules"));
        AuditApi.Map(api.MapGroup("/audit").WithTags("audit"));
        NotificationsApi.Map(api.MapGroup("/notifications").WithTags("notifications"));
        TokensApi.Map(api.MapGroup("/tokens").WithTags("tokens"));
        CompaniesApi.Map(api.MapGroup("/companies").WithTags("companies"));
        ContactsApi.Map(api.MapGroup("/contacts").WithTags("contacts"));
        CustomFieldsApi.Map(api.MapGroup("/custom-fields").WithTags("custom-fields"));
        TagsApi.Map(api.MapGroup("/tags").WithTags("tags"));
        SavedViewsApi.Map(api.MapGroup("/saved-views").WithTags("saved-views"));
        ActivitiesApi.Map(api);
        HandoverApi.Map(api);
        TeamsApi.Map(api.MapGroup("/teams").WithTags("teams"));
        UsersApi.Map(api.MapGroup("/users").WithTags("users"));
    }
}
