using Crm.Sdk.Time;
using Microsoft.Extensions.Options;

namespace Crm.Host.Hosting;

/// <summary>
/// Times are stored in UTC and shown in the company's time zone; "today" is the company's today. (Per-user zones can
/// replace this once users choose one.)
/// </summary>
public sealed class CompanyClock(IOptions<CrmOptions> options, TimeProvider time) : ICompanyClock
{
    readonly TimeZoneInfo _zone = options.Value.TimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Local;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    /// <summary>The start of the company's today and of tomorrow, in UTC.</summary>
    public (DateTime StartUtc, DateTime EndUtc) Today()
    {
        var localMidnight = ToLocal(UtcNow).Date;
        return (ToUtc(localMidnight), ToUtc(localMidnight.AddDays(1)));
    }
}
