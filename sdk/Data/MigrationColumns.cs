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

    /// <summary>
    /// Text of up to <paramref name="length"/> characters that holds any Unicode, emoji included: <c>TEXT</c> on SQLite,
    /// <c>varchar(length)</c> (<c>TEXT</c> types past 8192) in the database's default character set on MySQL/MariaDB, which
    /// the host makes <c>utf8mb4</c> (<see cref="FullUnicode"/>) before any migration runs. A module may rely on that; it
    /// should not name a character set or collation itself, since FluentMigrator writes a column's collation on SQLite too,
    /// where <c>utf8mb4_unicode_ci</c> does not exist. Mind InnoDB's index limit of 3072 bytes: an indexed utf8mb4 column
    /// takes 4 bytes a character, so the columns of one index should add up to 768 characters at most.
    /// </summary>
    public static TNext AsText<TNext>(this IColumnTypeSyntax<TNext> column, int length) where TNext : IFluentSyntax =>
        column.AsString(length);
}
