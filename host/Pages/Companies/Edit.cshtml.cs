using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Companies;

/// <summary>Creates or edits a company; a save over someone else's newer change is refused with a message, never applied.</summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class EditModel(CompanyService service, CustomFieldService fields, CustomFieldValues values, TagService tags,
    IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public CompanyForm Input { get; set; } = new();
    public CustomFieldForm Custom => new(_fields, Input.CustomFields);
    IReadOnlyList<CustomField> _fields = [];
    /// <summary>Every tag, offered as the user types.</summary>
    public IReadOnlyList<TagRow> AllTags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        _fields = await fields.ForAsync(ClientKind.Company, ct);
        AllTags = await tags.ListAsync(ct);
        if (Id == null) return Page();
        if (await service.FindAsync(Id.Value, ct) is not { } c) return NotFound();
        Input = new CompanyForm
        {
            Name = c.Name, LegalName = c.LegalName, TaxNumber = c.TaxNumber, Industry = c.Industry, Territory = c.Territory,
            Phone = c.Phone, Email = c.Email, Status = c.Status, LossReason = c.LossReason, Version = c.Version,
            CustomFields = await values.FormValuesAsync(ClientKind.Company, c.Id, ct),
            Tags = TagService.Join(await tags.ForRecordAsync(ClientKind.Company, c.Id, ct)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new CompanyInput(Input.Name, Input.LegalName, Input.TaxNumber, Input.Industry, Input.Territory, Input.Phone,
            Input.Email, Status: Input.Status, LossReason: Input.LossReason, Version: Input.Version,
            CustomFields: CustomFieldForm.ToInput(Input.CustomFields), Tags: TagService.Parse(Input.Tags));
        var result = Id == null ? await service.CreateAsync(input, ct) : await service.UpdateAsync(Id.Value, input, ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return Redirect($"/Companies/{result.Id}");
        result.AddTo(ModelState, text);
        _fields = await fields.ForAsync(ClientKind.Company, ct);
        AllTags = await tags.ListAsync(ct);
        return Page();
    }
}

public sealed class CompanyForm
{
    public string? Name { get; set; }
    public string? LegalName { get; set; }
    public string? TaxNumber { get; set; }
    public string? Industry { get; set; }
    public string? Territory { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public CompanyStatus Status { get; set; }
    public string? LossReason { get; set; }
    public int? Version { get; set; }
    public Dictionary<string, string?> CustomFields { get; set; } = new();
    /// <summary>Tags separated by commas.</summary>
    public string? Tags { get; set; }
}
