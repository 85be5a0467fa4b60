namespace Crm.Sales.Pipelines;

/// <summary>A way deals are sold (wholesale, retail, projects), with its own ordered stages.</summary>
public sealed class Pipeline
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }
}
