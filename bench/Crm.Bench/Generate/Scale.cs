namespace Crm.Bench.Generate;

/// <summary>
/// How much data a scale holds. M and L both carry the client base of issue 3's targets (50k companies, 200k contacts);
/// they differ in history (activities, tasks) and, once the sales module is on main, in deals.
/// </summary>
public sealed record Scale(
    string Name, int Managers, int Teams, int Companies, int Contacts, int Activities, int Tasks, int Deals, int Years)
{
    public static readonly Scale Demo = new("demo", 4, 1, 300, 900, 3_000, 400, 150, 2);
    public static readonly Scale S = new("S", 12, 2, 5_000, 20_000, 150_000, 15_000, 10_000, 5);
    public static readonly Scale M = new("M", 40, 5, 50_000, 200_000, 1_000_000, 100_000, 100_000, 5);
    public static readonly Scale L = new("L", 80, 8, 50_000, 200_000, 3_000_000, 300_000, 1_000_000, 6);

    public static Scale? Parse(string name) => name.ToUpperInvariant() switch
    {
        "S" => S,
        "M" => M,
        "L" => L,
        "DEMO" => Demo,
        _ => null,
    };
}
