using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Host.Localization;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Contacts;

[RequirePermission(CorePermissions.ViewClients)]
public sealed class IndexModel(ContactService service, CurrentUser user, CustomFieldService fields, CustomFieldValues values,
    TagService tags, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? AfterLastName { get; set; }
    [BindProperty(SupportsGet = true)] public string? AfterFirstName { get; set; }
    [BindProperty(SupportsGet = true)] public int? AfterId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    public IReadOnlyList<TagRow> AllTags { get; private set; } = [];
    public ContactPage Result { get; private set; } = new([], null, null, null);
    public bool CanEdit => user.HasPermission(CorePermissions.EditClients);

    public IReadOnlyList<CustomField> CustomFields { get; private set; } = [];

    /// <summary>The current filters as a query string, for the next page and the export links.</summary>
    public string FilterQuery => string.Join("&", new[] { ("q", Q ?? ""), ("tag", Tag ?? "") }.Concat(CustomFieldFilter.Given(Request.Query))
        .Where(p => p.Item2 != "").Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));

    public async Task OnGetAsync(CancellationToken ct)
    {
        CustomFields = await fields.ForAsync(ClientKind.Contact, ct);
        var (custom, errors) = await values.ConditionsAsync(ClientKind.Contact, Request.Query, ct);
        foreach (var (field, key) in errors) ModelState.AddModelError(field, text[key]);
        Result = await service.ListAsync(new ContactFilter(Q, null, AfterLastName, AfterFirstName, AfterId, Custom: custom,
            Tags: FieldErrors.Clean(Tag) is { } tag ? [tag] : null), ct);
        AllTags = await tags.ListAsync(ct);
    }
}
