using System.Linq.Expressions;

namespace Crm.Sdk.Security;

/// <summary>Applies record scopes inside the query, so that nothing outside the scope ever leaves the database.</summary>
public static class ScopeQueryExtensions
{
    /// <summary>
    /// Keeps the records the user may see under <paramref name="permission"/>: owned by the user (Own),
    /// by a member of the user's team (Team), or all (All).
    /// </summary>
    public static IQueryable<T> WithinScope<T>(this IQueryable<T> query, ICurrentUser user, string permission,
        Expression<Func<T, string?>> owner)
    {
        if (!user.IsAuthenticated || !user.HasPermission(permission)) return query.Where(_ => false);
        switch (user.ScopeFor(permission))
        {
            case RecordScope.All:
                return query;
            case RecordScope.Team:
                var team = user.TeamMemberIds.ToList();
                return query.Where(Compose(owner, id => id != null && team.Contains(id)));
            default:
                var me = user.Id;
                return query.Where(Compose(owner, id => id == me));
        }
    }

    /// <summary>Whether a single record's owner is within the user's scope for the permission.</summary>
    public static bool CanReach(this ICurrentUser user, string permission, string? ownerId) =>
        user.IsAuthenticated && user.HasPermission(permission) && user.ScopeFor(permission) switch
        {
            RecordScope.All => true,
            RecordScope.Team => ownerId != null && user.TeamMemberIds.Contains(ownerId),
            _ => ownerId == user.Id,
        };

    static Expression<Func<T, bool>> Compose<T>(Expression<Func<T, string?>> owner, Expression<Func<string?, bool>> test)
    {
        var body = new ParameterReplacer(test.Parameters[0], owner.Body).Visit(test.Body);
        return Expression.Lambda<Func<T, bool>>(body, owner.Parameters);
    }

    sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
