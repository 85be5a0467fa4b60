using System.Data;
using Crm.Sdk.Data;
using FluentMigrator.Expressions;
using FluentMigrator.Runner.Conventions;

namespace Crm.Host.Data;

/// <summary>
/// On MySQL/MariaDB, writes every Unicode text column of every migration (host and modules) as utf8mb4. FluentMigrator's
/// MySQL 5 generator writes <c>AsString(n)</c> as <c>NVARCHAR(n)</c> and long text as <c>TEXT CHARACTER SET utf8</c>, and
/// both mean utf8mb3 whatever the database's default, so an emoji failed with "Incorrect string value". A module cannot
/// name the character set in its column itself: the column syntax has one type for all databases, and SQLite knows no
/// utf8mb4. Sizes map as FluentMigrator maps them (varchar up to 8192 characters, then TEXT, MEDIUMTEXT, LONGTEXT).
/// </summary>
public sealed class FullUnicodeColumns : IColumnsConvention
{
    public IColumnsExpression Apply(IColumnsExpression expression)
    {
        foreach (var column in expression.Columns)
        {
            if (column.Type is not (DbType.String or DbType.StringFixedLength) || column.CustomType != null) continue;
            var size = column.Size ?? 255;
            var type = column.Type == DbType.StringFixedLength && size <= 255 ? $"CHAR({size})"
                : size <= 8192 ? $"VARCHAR({size})"
                : size <= 65535 ? "TEXT"
                : size <= 16777215 ? "MEDIUMTEXT"
                : "LONGTEXT";
            column.Type = null;
            column.CustomType = $"{type} CHARACTER SET {FullUnicode.CharacterSet}";
            column.CollationName ??= FullUnicode.Collation;
        }
        return expression;
    }
}
