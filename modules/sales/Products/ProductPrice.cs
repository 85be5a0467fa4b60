namespace Crm.Sales.Products;

/// <summary>A product's list price in one currency.</summary>
public sealed class ProductPrice
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public string Currency { get; set; } = "";
    public decimal Price { get; set; }
}
