using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Who leads which team (<see cref="Entities.TeamHead"/>); a team's heads go with the team, a user's with the user.</summary>
[Migration(40, "Team heads")]
public sealed class M0040_TeamHeads : Migration
{
    public override void Up()
    {
        Create.Table("core_team_heads")
            .WithColumn("TeamId").AsInt32().PrimaryKey().ForeignKey("core_teams", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("UserId").AsString(64).PrimaryKey().ForeignKey("core_users", "Id").OnDelete(System.Data.Rule.Cascade);
        // Access is loaded per user: "which teams does she lead" reads this index.
        Create.Index("IX_core_team_heads_UserId").OnTable("core_team_heads").OnColumn("UserId");
    }

    public override void Down() => Delete.Table("core_team_heads");
}
