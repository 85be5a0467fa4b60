namespace Crm.Bench.Generate;

/// <summary>
/// The sales step: pipelines, deals with lines and stage history, plans (S ≈ 10k deals, M ≈ 100k, L 1M with 4M stage
/// changes). It is written once the sales module's tables are on main (modules/sales/Data/Migrations); until then the
/// generator says that it skipped it.
/// </summary>
public static class Deals
{
    public const string NotYet = "deals: skipped, the sales module is not on main yet";
}
