using Crm.Sdk.Security;

namespace Crm.Sdk.Tests.Security;

public sealed class ScopeQueryExtensionsTests
{
    sealed record Record(string Owner);

    sealed class User(string id, RecordScope scope, bool allowed = true, params string[] team) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public string? Id => id;
        public string Name => id;
        public bool HasPermission(string permission) => allowed;
        public RecordScope ScopeFor(string permission) => scope;
        public IReadOnlyCollection<string> TeamMemberIds => team;
    }

    static readonly Record[] Records = [new("anna"), new("boris"), new("vera")];

    static string[] Visible(ICurrentUser user) =>
        Records.AsQueryable().WithinScope(user, "x.view", r => r.Owner).Select(r => r.Owner).ToArray();

    [Fact] public void OwnSeesOnlyOwnRecords() => Assert.Equal(["anna"], Visible(new User("anna", RecordScope.Own)));
    [Fact] public void TeamSeesTheTeamsRecords() => Assert.Equal(["anna", "boris"], Visible(new User("anna", RecordScope.Team, true, "anna", "boris")));
    [Fact] public void AllSeesEverything() => Assert.Equal(3, Visible(new User("anna", RecordScope.All)).Length);
    [Fact] public void WithoutThePermissionNothingIsVisible() => Assert.Empty(Visible(new User("anna", RecordScope.All, allowed: false)));

    [Fact]
    public void ASingleRecordIsCheckedTheSameWay()
    {
        var user = new User("anna", RecordScope.Team, true, "anna", "boris");
        Assert.True(user.CanReach("x.view", "boris"));
        Assert.False(user.CanReach("x.view", "vera"));
    }
}
