using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

/// <summary>The fields of companies and contacts that an administrator adds, changes and removes without code.</summary>
[RequirePermission(CorePermissions.ManageCustomFields)]
public sealed class CustomFieldsModel(CustomFieldService service, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public CustomFieldDefinitionForm Input { get; set; } = new();
    public List<CustomField> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Fields = await service.AllAsync(ct);
        if (Id == null) return Page();
        if (Fields.FirstOrDefault(f => f.Id == Id) is not { } field) return NotFound();
        Input = new CustomFieldDefinitionForm
        {
            Kind = field.Kind, Key = field.Key, Label = field.Label, Type = field.Type, Options = field.Options, Required = field.Required,
            SortOrder = field.SortOrder,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new CustomFieldInput(Input.Kind, Input.Key, Input.Label, Input.Type, Input.Options, Input.Required, Input.SortOrder);
        var result = Id == null ? await service.CreateAsync(input, ct) : await service.UpdateAsync(Id.Value, input, ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return Redirect("/Admin/CustomFields");
        result.AddTo(ModelState, text);
        Fields = await service.AllAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int fieldId, CancellationToken ct) =>
        await service.DeleteAsync(fieldId, ct) ? Redirect("/Admin/CustomFields") : NotFound();
}

public sealed class CustomFieldDefinitionForm
{
    public ClientKind Kind { get; set; }
    public string? Key { get; set; }
    public string? Label { get; set; }
    public CustomFieldType Type { get; set; }
    public string? Options { get; set; }
    public bool Required { get; set; }
    public int SortOrder { get; set; }
}
