using Microsoft.Extensions.Options;

namespace Crm.Host.Hosting;

/// <summary>
/// The address people reach this server at (<c>Crm:PublicUrl</c>), for absolute links in email. A request knows its
/// host; a background job does not, so without this setting mail carries no links.
/// </summary>
public sealed class PublicAddress(IOptions<CrmOptions> options)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PublicUrl);

    /// <summary>The absolute address of a page path such as "/Companies/5", or null when no public URL is configured.</summary>
    public string? LinkTo(string path) =>
        IsConfigured ? options.Value.PublicUrl!.Trim().TrimEnd('/') + "/" + path.TrimStart('/') : null;

    /// <summary>Why a configured public URL cannot be used, or null when it is empty or an absolute http(s) address.</summary>
    public static string? Problem(string? publicUrl)
    {
        if (string.IsNullOrWhiteSpace(publicUrl)) return null;
        if (Uri.TryCreate(publicUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0)
            return null;
        return $"Crm:PublicUrl must be the absolute http or https address people open the CRM at, such as https://crm.example.com/ " +
            $"(no query or fragment); \"{publicUrl}\" is not.";
    }
}

/// <summary>Stops the start when <c>Crm:PublicUrl</c> is set to something that is not an absolute http(s) address.</summary>
sealed class PublicUrlValidation : IValidateOptions<CrmOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmOptions options) =>
        PublicAddress.Problem(options.PublicUrl) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
