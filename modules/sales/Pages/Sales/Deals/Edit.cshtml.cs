using Crm.Sales.Deals;
using Crm.Sales.Pipelines;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Deals;

/// <summary>
/// The deal form, for a new deal (often opened from a client's card with the client filled in) and for changes. The
/// client is typed by name and found in the client base within the user's scope, so the form works without script.
/// </summary>
[RequirePermission(Permissions.EditDeals)]
public sealed class EditModel(DealService deals, PipelineService pipelines, SalesSettings settings, IClientDirectory clients, IUserDirectory users,
    IStringLocalizer<SalesModule> text) : PageModel
{
    public sealed class DealForm
    {
        public string? Title { get; set; }
        public int? PipelineId { get; set; }
        public int? CompanyId { get; set; }
        public int? ContactId { get; set; }
        public string? ClientName { get; set; }
        public string? OwnerId { get; set; }
        public decimal? Amount { get; set; }
        public string? Currency { get; set; }
        public DateOnly? ExpectedCloseOn { get; set; }
        public string? Source { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public DealForm Input { get; set; } = new();
    public int? Id { get; private set; }
    public List<PipelineView> Pipelines { get; private set; } = [];
    public IReadOnlyList<string> Currencies { get; private set; } = [];
    public IReadOnlyList<UserSummary> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? companyId, int? contactId, int? pipelineId, CancellationToken ct)
    {
        Id = id;
        if (id is { } dealId)
        {
            if (await deals.FindAsync(dealId, ct) is not { } found) return NotFound();
            var d = found.Deal;
            Input = new DealForm
            {
                Title = d.Title, PipelineId = d.PipelineId, CompanyId = d.CompanyId, ContactId = d.ContactId, ClientName = d.ClientName, OwnerId = d.OwnerId,
                Amount = d.Amount, Currency = d.Currency, ExpectedCloseOn = d.ExpectedCloseOn, Source = found.Source, Version = d.Version,
            };
        }
        else
        {
            Input.PipelineId = pipelineId;
            Input.Currency = await settings.DefaultCurrencyAsync(ct);
            var client = companyId is { } company ? new ClientRef(ClientKind.Company, company) : contactId is { } contact ? new ClientRef(ClientKind.Contact, contact) : null;
            if (client != null && await clients.FindVisibleAsync(client, ct) is { } summary)
                (Input.CompanyId, Input.ContactId, Input.ClientName) = (companyId, contactId, summary.Name);
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        await ResolveClientAsync(ct);
        if (ModelState.IsValid)
        {
            var input = new DealInput(Input.Title, Input.PipelineId, null, Input.CompanyId, Input.ContactId, Input.OwnerId, Input.Amount, Input.Currency,
                Input.ExpectedCloseOn, Input.Source, Input.Version);
            var result = id is { } dealId ? await deals.UpdateAsync(dealId, input, ct) : await deals.CreateAsync(input, ct);
            if (result.NotFound) return NotFound();
            if (result.Succeeded) return Redirect($"/Sales/Deals/{result.Id}");
            if (result.Conflict) ModelState.AddModelError("", text["Validation.Conflict"]);
            result.Errors.AddTo(ModelState, text);
        }
        await LoadListsAsync(ct);
        return Page();
    }

    /// <summary>The client typed by name: kept if unchanged, else the one company or contact of that name within scope.</summary>
    async Task ResolveClientAsync(CancellationToken ct)
    {
        var name = FieldErrors.Clean(Input.ClientName);
        if (name == null) { (Input.CompanyId, Input.ContactId) = (null, null); return; }
        var current = Input.CompanyId is { } company ? new ClientRef(ClientKind.Company, company)
            : Input.ContactId is { } contact ? new ClientRef(ClientKind.Contact, contact) : null;
        if (current != null && (await clients.DescribeAsync([current], ct)).TryGetValue(current, out var known) && known.Name == name) return;
        var matches = (await clients.LookupAsync(name, 10, ct)).Where(c => string.Equals(c.Name, name, StringComparison.CurrentCultureIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            ModelState.AddModelError("Input.ClientName", text[matches.Count == 0 ? "Deal.ClientNotFound" : "Deal.ClientAmbiguous"]);
            return;
        }
        var match = matches[0].Ref;
        Input.CompanyId = match.Kind == ClientKind.Company ? match.Id : null;
        Input.ContactId = match.Kind == ClientKind.Contact ? match.Id : null;
    }

    async Task LoadListsAsync(CancellationToken ct)
    {
        Pipelines = await pipelines.ListAsync(false, ct);
        Currencies = await settings.CurrenciesAsync(ct);
        Owners = (await users.UsersAsync(ct)).Where(u => u.IsActive).ToList();
    }
}
