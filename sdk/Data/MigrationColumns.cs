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
    /// <c>varchar(length) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci</c> on MySQL/MariaDB (<c>TEXT</c> types past
    /// 8192), as the host's migrator writes every Unicode string column there (<see cref="FullUnicode"/>): the same as
    /// <c>AsString(length)</c>, named for what a module may rely on. A module should not name a character set or collation
    /// itself: FluentMigrator's column syntax has one type for every database and writes a collation on SQLite too, where
    /// <c>utf8mb4_unicode_ci</c> does not exist. Mind InnoDB's index limit of 3072 bytes: an indexed utf8mb4 column takes
    /// 4 bytes a character, so the text columns of one index should add up to 768 characters at most.
    /// </summary>
    public static TNext AsText<TNext>(this IColumnTypeSyntax<TNext> column, int length) where TNext : IFluentSyntax =>
        column.AsString(length);
}
