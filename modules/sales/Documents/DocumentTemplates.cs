using Crm.Sdk.Templates;

namespace Crm.Sales.Documents;

/// <summary>The module's document templates (Templates/*.scriban, embedded); administrators may override each in the browser.</summary>
public static class DocumentTemplates
{
    public static readonly DocumentTemplate Quote = new("quote", "Template.Quote", "Crm.Sales.Templates.quote.scriban");
    public static readonly DocumentTemplate Order = new("order", "Template.Order", "Crm.Sales.Templates.order.scriban");
    public static readonly DocumentTemplate Contract = new("contract", "Template.Contract", "Crm.Sales.Templates.contract.scriban");

    public static readonly DocumentTemplate[] All = [Quote, Order, Contract];

    public static DocumentTemplate For(DocumentKind kind) => kind switch
    {
        DocumentKind.Order => Order,
        DocumentKind.Contract => Contract,
        _ => Quote,
    };
}
