using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Creating requests sent with an Idempotency-Key (<see cref="Entities.IdempotentRequest"/>), kept a day.</summary>
[Migration(38, "Idempotent requests")]
public sealed class M0038_IdempotentRequests : Migration
{
    public override void Up()
    {
        Create.Table("core_idempotent_requests")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("Request").AsString(300).NotNullable()
            .WithColumn("Status").AsInt32().Nullable()
            .WithColumn("ContentType").AsString(200).Nullable()
            .WithColumn("Location").AsString(500).Nullable()
            .WithColumn("Body").AsString(int.MaxValue).Nullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable();
        Create.Index("IX_core_idempotent_requests_CreatedAtUtc").OnTable("core_idempotent_requests").OnColumn("CreatedAtUtc");
    }

    public override void Down() => Delete.Table("core_idempotent_requests");
}
