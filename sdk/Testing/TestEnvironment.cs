namespace Crm.Sdk.Testing;

/// <summary>
/// Whether tests that need MariaDB or Chromium may skip when these are not installed. Under CI
/// (<c>CRM_TESTS_REQUIRE_ALL=1</c>) they must run, so a missing server fails the test instead.
/// </summary>
public static class TestEnvironment
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("CRM_TESTS_REQUIRE_ALL") is "1" or "true";

    /// <summary>The system's Chromium, from the distribution's package; never a downloaded browser.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CRM_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Null when the thing is available; else why a test should skip (or, under <see cref="RequireAll"/>, an exception).</summary>
    public static string? MissingReason(bool available, string reason)
    {
        if (available) return null;
        if (RequireAll) throw new InvalidOperationException($"{reason} (CRM_TESTS_REQUIRE_ALL is set, so this must not skip)");
        return reason;
    }
}
