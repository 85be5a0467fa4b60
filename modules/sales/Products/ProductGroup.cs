namespace Crm.Sales.Products;

/// <summary>A group of the catalogue (e.g. "Pumps", "Services").</summary>
public sealed class ProductGroup
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
