namespace Crm.Sales.Products;

/// <summary>Something the company sells, with its article number and unit; prices are per currency.</summary>
public sealed class Product
{
    public int Id { get; set; }
    public int? GroupId { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Pieces, kg, hours, ...</summary>
    public string Unit { get; set; } = "";
    public bool IsArchived { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Version { get; set; }
}
