using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Crm.Host.Security;

/// <summary>
/// Behind a reverse proxy: the client's address and scheme come from the proxy's X-Forwarded-For and X-Forwarded-Proto,
/// but only from the proxies named in <see cref="SecurityOptions.KnownProxies"/>; anyone else could forge them to escape
/// the login rate limit.
/// </summary>
public static class ReverseProxy
{
    /// <summary>The proxies' addresses; a value that is not an address stops the start with its name.</summary>
    public static IReadOnlyList<IPAddress> Parse(string? knownProxies) =>
        (knownProxies ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(a => IPAddress.TryParse(a, out var address) ? address
            : throw new Microsoft.Extensions.Options.OptionsValidationException("Crm:Security:KnownProxies", typeof(SecurityOptions),
                [$"Crm:Security:KnownProxies: \"{a}\" is not an IP address."]))
        .ToList();

    public static void Use(WebApplication app, string? knownProxies)
    {
        var proxies = Parse(knownProxies);
        if (proxies.Count == 0) return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
        app.UseForwardedHeaders(options);
    }
}
