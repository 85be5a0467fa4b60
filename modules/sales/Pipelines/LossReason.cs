namespace Crm.Sales.Pipelines;

/// <summary>Why a deal was lost, from a list the administrator keeps, so that losses can be counted by reason.</summary>
public sealed class LossReason
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsArchived { get; set; }
}
