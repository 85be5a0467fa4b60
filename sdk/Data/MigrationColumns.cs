using FluentMigrator.Infrastructure;
using FluentMigrator.Builders;

namespace Crm.Sdk.Data;

/// <summary>Column types for module migrations that mean the same on SQLite and MySQL/MariaDB as in EF Core's model.</summary>
public static class MigrationColumns
{
    /// <summary>
    /// A UTC date and time with microseconds, as EF Core maps <see cref="DateTime"/> on MySQL (<c>datetime(6)</c>);
    /// FluentMigrator's <c>AsDateTime()</c> would drop the fractions there.
    /// </summary>
    public static TNext AsUtcDateTime<TNext>(this IColumnTypeSyntax<TNext> column) where TNext : IFluentSyntax =>
        column.AsCustom("DATETIME(6)");
}
