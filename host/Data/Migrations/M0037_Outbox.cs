using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>
/// The transactional outbox (<see cref="Entities.OutboxMessage"/>): domain events are stored in the transaction of the
/// change that raised them and delivered after it commits, so a crash between the commit and a handler loses nothing.
/// </summary>
[Migration(37, "Event outbox")]
public sealed class M0037_Outbox : Migration
{
    public override void Up()
    {
        Create.Table("core_outbox")
            .WithColumn("Id").AsString(36).PrimaryKey()
            .WithColumn("EventType").AsString(300).NotNullable()
            .WithColumn("Payload").AsString(int.MaxValue).NotNullable()
            .WithColumn("RaisedAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("Attempts").AsInt32().NotNullable()
            .WithColumn("NextAttemptAtUtc").AsUtcDateTime().NotNullable()
            .WithColumn("LockedUntilUtc").AsUtcDateTime().Nullable()
            .WithColumn("DeliveredAtUtc").AsUtcDateTime().Nullable()
            .WithColumn("DoneHandlers").AsString(int.MaxValue).Nullable()
            .WithColumn("LastError").AsString(int.MaxValue).Nullable();
        Create.Index("IX_core_outbox_DeliveredAtUtc_NextAttemptAtUtc").OnTable("core_outbox")
            .OnColumn("DeliveredAtUtc").Ascending().OnColumn("NextAttemptAtUtc").Ascending();
    }

    public override void Down() => Delete.Table("core_outbox");
}
