using Crm.Sdk.Data;
using FluentMigrator;

namespace Crm.Host.Data.Migrations;

/// <summary>Users, roles and the rest of ASP.NET Core Identity's tables, named with the host's "core_" prefix.</summary>
[Migration(1, "Identity")]
public sealed class M0001_Identity : Migration
{
    public override void Up()
    {
        Create.Table("core_teams")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Name").AsString(200).NotNullable();

        Create.Table("core_users")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("UserName").AsString(256).Nullable()
            .WithColumn("NormalizedUserName").AsString(256).Nullable()
            .WithColumn("Email").AsString(256).Nullable()
            .WithColumn("NormalizedEmail").AsString(256).Nullable()
            .WithColumn("EmailConfirmed").AsBoolean().NotNullable()
            .WithColumn("PasswordHash").AsString(int.MaxValue).Nullable()
            .WithColumn("SecurityStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("ConcurrencyStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("PhoneNumber").AsString(int.MaxValue).Nullable()
            .WithColumn("PhoneNumberConfirmed").AsBoolean().NotNullable()
            .WithColumn("TwoFactorEnabled").AsBoolean().NotNullable()
            .WithColumn("LockoutEnd").AsUtcDateTime().Nullable() // UTC; see CoreDbContext
            .WithColumn("LockoutEnabled").AsBoolean().NotNullable()
            .WithColumn("AccessFailedCount").AsInt32().NotNullable()
            .WithColumn("DisplayName").AsString(200).NotNullable()
            .WithColumn("IsActive").AsBoolean().NotNullable()
            .WithColumn("Culture").AsString(16).Nullable()
            .WithColumn("TeamId").AsInt32().Nullable()
            .WithColumn("CreatedAtUtc").AsUtcDateTime().NotNullable();
        Create.Index("UserNameIndex").OnTable("core_users").OnColumn("NormalizedUserName").Unique();
        Create.Index("EmailIndex").OnTable("core_users").OnColumn("NormalizedEmail");

        Create.Table("core_roles")
            .WithColumn("Id").AsString(64).PrimaryKey()
            .WithColumn("Name").AsString(256).Nullable()
            .WithColumn("NormalizedName").AsString(256).Nullable()
            .WithColumn("ConcurrencyStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("Scope").AsInt32().NotNullable();
        Create.Index("RoleNameIndex").OnTable("core_roles").OnColumn("NormalizedName").Unique();

        Create.Table("core_user_roles")
            .WithColumn("UserId").AsString(64).PrimaryKey().ForeignKey("core_users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("RoleId").AsString(64).PrimaryKey().ForeignKey("core_roles", "Id").OnDelete(System.Data.Rule.Cascade);
        Create.Index("IX_core_user_roles_RoleId").OnTable("core_user_roles").OnColumn("RoleId");

        Create.Table("core_role_claims")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("RoleId").AsString(64).NotNullable().ForeignKey("core_roles", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("ClaimType").AsString(int.MaxValue).Nullable()
            .WithColumn("ClaimValue").AsString(int.MaxValue).Nullable();
        Create.Index("IX_core_role_claims_RoleId").OnTable("core_role_claims").OnColumn("RoleId");

        Create.Table("core_user_claims")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("UserId").AsString(64).NotNullable().ForeignKey("core_users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("ClaimType").AsString(int.MaxValue).Nullable()
            .WithColumn("ClaimValue").AsString(int.MaxValue).Nullable();
        Create.Index("IX_core_user_claims_UserId").OnTable("core_user_claims").OnColumn("UserId");

        Create.Table("core_user_logins")
            .WithColumn("LoginProvider").AsString(128).PrimaryKey()
            .WithColumn("ProviderKey").AsString(128).PrimaryKey()
            .WithColumn("ProviderDisplayName").AsString(int.MaxValue).Nullable()
            .WithColumn("UserId").AsString(64).NotNullable().ForeignKey("core_users", "Id").OnDelete(System.Data.Rule.Cascade);
        Create.Index("IX_core_user_logins_UserId").OnTable("core_user_logins").OnColumn("UserId");

        Create.Table("core_user_tokens")
            .WithColumn("UserId").AsString(64).PrimaryKey().ForeignKey("core_users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("LoginProvider").AsString(128).PrimaryKey()
            .WithColumn("Name").AsString(128).PrimaryKey()
            .WithColumn("Value").AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
        foreach (var table in new[] { "core_user_tokens", "core_user_logins", "core_user_claims", "core_role_claims", "core_user_roles", "core_roles", "core_users", "core_teams" })
            Delete.Table(table);
    }
}
