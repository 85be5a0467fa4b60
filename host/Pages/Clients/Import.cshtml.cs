using Crm.Host.Clients;
using Crm.Host.Hosting;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Clients;

/// <summary>
/// Upload a CSV or XLSX file, map its columns, see every row's errors, import all rows or none; the failed rows come
/// back as a file. The upload waits in the data directory, in a folder of the user's own, between the steps.
/// </summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class ImportModel(CompanyImport companies, ContactImport contacts, CurrentUser user, DataDirectory data, IStringLocalizer<HostText> text)
    : PageModel
{
    /// <summary>"Companies" or "Contacts", from the address.</summary>
    [BindProperty(SupportsGet = true)] public string List { get; set; } = "Companies";
    public bool IsContacts => List == "Contacts";
    ClientImport import => IsContacts ? contacts : companies;
    /// <summary>Where the texts of this import start ("Import.", "ContactImport.").</summary>
    public string Texts => IsContacts ? "ContactImport." : "Import.";

    public string? Upload { get; private set; }
    public ImportTable? Table { get; private set; }
    public Dictionary<string, int> Mapping { get; private set; } = new();
    public ImportResult? Result { get; private set; }
    public IReadOnlyList<(string Field, string Label)> Fields { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file == null || !ImportFile.IsSupported(file.FileName) || file.Length > ImportFile.MaxFileBytes)
        {
            ModelState.AddModelError("file", text["Import.FileRefused", ImportFile.MaxFileBytes / 1024 / 1024]);
            return Page();
        }
        var name = Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName).ToLowerInvariant();
        Directory.CreateDirectory(Folder());
        await using (var target = System.IO.File.Create(Path.Combine(Folder(), name)))
            await file.CopyToAsync(target, ct);
        if (!await LoadAsync(name, null, ct))
        {
            System.IO.File.Delete(Path.Combine(Folder(), name));
            ModelState.AddModelError("file", text["Import.FileUnreadable"]);
            return Page();
        }
        Result = await import.RunAsync(Table!, Mapping, commit: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(string upload, Dictionary<string, string> map, CancellationToken ct)
    {
        if (!await LoadAsync(upload, map, ct)) return NotFound();
        Result = await import.RunAsync(Table!, Mapping, commit: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string upload, Dictionary<string, string> map, CancellationToken ct)
    {
        if (!await LoadAsync(upload, map, ct)) return NotFound();
        Result = await import.RunAsync(Table!, Mapping, commit: true, ct);
        if (Result.Imported > 0) System.IO.File.Delete(Path.Combine(Folder(), upload));
        return Page();
    }

    public async Task<IActionResult> OnPostErrorsAsync(string upload, Dictionary<string, string> map, CancellationToken ct)
    {
        if (!await LoadAsync(upload, map, ct)) return NotFound();
        var result = await import.RunAsync(Table!, Mapping, commit: false, ct);
        return File(ImportFile.ErrorFile(Table!, result.Errors), "text/csv; charset=utf-8", $"{List.ToLowerInvariant()}-to-fix.csv");
    }

    string Folder() => Path.Combine(data.Path, "imports", user.Id!);

    /// <summary>Reads the user's own upload; the name is checked so that nobody reaches another file.</summary>
    async Task<bool> LoadAsync(string upload, Dictionary<string, string>? map, CancellationToken ct)
    {
        if (upload != Path.GetFileName(upload) || !Guid.TryParseExact(Path.GetFileNameWithoutExtension(upload), "N", out _) ||
            !ImportFile.IsSupported(upload)) return false;
        var path = Path.Combine(Folder(), upload);
        if (!System.IO.File.Exists(path)) return false;
        await using (var stream = System.IO.File.OpenRead(path))
            Table = await ImportFile.TryReadAsync(stream, upload, ct);
        if (Table == null) return false;
        Upload = upload;
        Fields = await import.FieldsAsync(ct);
        Mapping = map == null
            ? await import.GuessMappingAsync(Table.Headers, ct)
            : map.Where(m => int.TryParse(m.Value, out var i) && i >= 0 && i < Table.Headers.Count)
                .ToDictionary(m => m.Key, m => int.Parse(m.Value));
        return true;
    }
}
