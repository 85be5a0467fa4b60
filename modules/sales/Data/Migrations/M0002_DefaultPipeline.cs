using FluentMigrator;

namespace Crm.Sales.Data.Migrations;

/// <summary>
/// A first pipeline and loss reasons, so that a company can start entering deals the minute the module is on; the
/// administrator renames or replaces them.
/// </summary>
[Migration(2, "Default pipeline")]
public sealed class M0002_DefaultPipeline : Migration
{
    static readonly (string Name, int Probability, int? Norm, int Kind)[] Stages =
    [
        ("New", 10, 3, 0), ("Qualified", 25, 7, 0), ("Proposal", 50, 10, 0), ("Negotiation", 75, 14, 0), ("Won", 100, null, 1), ("Lost", 0, null, 2),
    ];

    static readonly string[] Reasons = ["Price", "Chose a competitor", "No budget", "No decision", "Other"];

    public override void Up()
    {
        Insert.IntoTable("sales_pipelines").Row(new { Id = 1, Name = "Sales", SortOrder = 0, IsArchived = false, Version = 0 });
        for (var i = 0; i < Stages.Length; i++)
            Insert.IntoTable("sales_stages").Row(new
            {
                PipelineId = 1, Stages[i].Name, SortOrder = i, Stages[i].Probability, NormDays = Stages[i].Norm, Stages[i].Kind, IsArchived = false,
            });
        for (var i = 0; i < Reasons.Length; i++)
            Insert.IntoTable("sales_loss_reasons").Row(new { Name = Reasons[i], SortOrder = i, IsArchived = false });
    }

    public override void Down()
    {
        Delete.FromTable("sales_loss_reasons").AllRows();
        Delete.FromTable("sales_stages").Row(new { PipelineId = 1 });
        Delete.FromTable("sales_pipelines").Row(new { Id = 1 });
    }
}
