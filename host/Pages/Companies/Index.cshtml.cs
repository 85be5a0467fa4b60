using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Host.Localization;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Companies;

[RequirePermission(CorePermissions.ViewClients)]
public sealed class IndexModel(CompanyService service, CurrentUser user, AdminAccounts accounts, CustomFieldService fields, CustomFieldValues values,
    TagService tags, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CompanyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? AfterName { get; set; }
    [BindProperty(SupportsGet = true)] public int? AfterId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Territory { get; set; }
    [BindProperty(SupportsGet = true)] public int? NoContactDays { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    public IReadOnlyList<TagRow> AllTags { get; private set; } = [];
    public List<(string Id, string Name)> Owners { get; private set; } = [];

    /// <summary>The current filters as a query string, for the next page and the export links.</summary>
    public string FilterQuery => string.Join("&", new (string Key, object? Value)[]
        {
            ("status", Status), ("owner", Owner), ("q", Q), ("industry", Industry), ("territory", Territory), ("noContactDays", NoContactDays), ("tag", Tag),
        }.Concat(CustomFieldFilter.Given(Request.Query).Select(p => (Key: p.Key, Value: (object?)p.Value)))
        .Where(p => p.Value is not null and not "").Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.ToString()!)}"));
    public IReadOnlyList<CustomField> CustomFields { get; private set; } = [];
    public CompanyPage Result { get; private set; } = new([], null, null);
    public bool CanEdit => user.HasPermission(CorePermissions.EditClients);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CustomFields = await fields.ForAsync(ClientKind.Company, ct);
        var (custom, errors) = await values.ConditionsAsync(ClientKind.Company, Request.Query, ct);
        foreach (var (field, key) in errors) ModelState.AddModelError(field, text[key]);
        if (new CompanyFilter(NoContactDays: NoContactDays).Errors() is { Count: > 0 } filterErrors)
        {
            foreach (var (field, key) in filterErrors) ModelState.AddModelError(field, text[key, CompanyFilter.MaxNoContactDays]);
            NoContactDays = null; // the list shows without the filter it could not apply, and says why
        }
        Result = await service.ListAsync(new CompanyFilter(Status, Owner, Q, AfterName, AfterId, 50, Industry, Territory, NoContactDays, custom,
            FieldErrors.Clean(Tag) is { } tag ? [tag] : null), ct);
        AllTags = await tags.ListAsync(ct);
        Owners = await accounts.ActiveUsersAsync(ct);
    }
}
