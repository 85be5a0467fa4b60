using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Contacts;

/// <summary>Creates or edits a contact with their main company; other places are kept as they are.</summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class EditModel(ContactService service, CompanyService companies, CustomFieldService fields, CustomFieldValues values,
    TagService tags, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public ContactForm Input { get; set; } = new();
    public IReadOnlyList<CompanyRow> Companies { get; private set; } = [];
    public CustomFieldForm Custom => new(_fields, Input.CustomFields);
    IReadOnlyList<CustomField> _fields = [];
    /// <summary>Every tag, offered as the user types.</summary>
    public IReadOnlyList<TagRow> AllTags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        _fields = await fields.ForAsync(ClientKind.Contact, ct);
        AllTags = await tags.ListAsync(ct);
        Companies = (await companies.ListAsync(new CompanyFilter(Limit: CompanyService.MaxPageSize), ct)).Rows;
        if (Id == null) return Page();
        if (await service.FindAsync(Id.Value, ct) is not { } details) return NotFound();
        var c = details.Contact;
        var place = details.Companies.FirstOrDefault();
        Input = new ContactForm
        {
            FirstName = c.FirstName, LastName = c.LastName, Position = c.Position, Phone = c.Phone, Email = c.Email, Birthday = c.Birthday,
            Notes = c.Notes, MarketingConsent = c.MarketingConsent, ConsentSource = c.ConsentSource, Version = c.Version,
            CompanyId = place?.CompanyId, Role = place?.Role ?? DecisionRole.Other, Influence = place?.Influence ?? 50,
            CustomFields = await values.FormValuesAsync(ClientKind.Contact, c.Id, ct),
            Tags = TagService.Join(await tags.ForRecordAsync(ClientKind.Contact, c.Id, ct)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IReadOnlyList<ContactPlace>? places = Input.CompanyId is { } companyId ? [new ContactPlace(companyId, Input.Role, Input.Influence)] : null;
        var input = new ContactInput(Input.FirstName, Input.LastName, Input.Position, Input.Phone, Input.Email, Birthday: Input.Birthday,
            Notes: Input.Notes, MarketingConsent: Input.MarketingConsent, ConsentSource: Input.ConsentSource, Companies: places, Version: Input.Version,
            CustomFields: CustomFieldForm.ToInput(Input.CustomFields), Tags: TagService.Parse(Input.Tags));
        var result = Id == null ? await service.CreateAsync(input, ct) : await service.UpdateAsync(Id.Value, input, ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return Redirect($"/Contacts/{result.Id}");
        result.AddTo(ModelState, text);
        _fields = await fields.ForAsync(ClientKind.Contact, ct);
        AllTags = await tags.ListAsync(ct);
        Companies = (await companies.ListAsync(new CompanyFilter(Limit: CompanyService.MaxPageSize), ct)).Rows;
        return Page();
    }
}

public sealed class ContactForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public DateOnly? Birthday { get; set; }
    public string? Notes { get; set; }
    public bool MarketingConsent { get; set; }
    public string? ConsentSource { get; set; }
    public int? CompanyId { get; set; }
    public DecisionRole Role { get; set; } = DecisionRole.Other;
    public int Influence { get; set; } = 50;
    public int? Version { get; set; }
    public Dictionary<string, string?> CustomFields { get; set; } = new();
    /// <summary>Tags separated by commas.</summary>
    public string? Tags { get; set; }
}
