namespace Crm.Host.Data.Entities;

/// <summary>
/// A head of a team. Apart from membership (<see cref="CrmUser.TeamId"/>), because a head may lead one team and belong to
/// another, and a team may have several heads.
/// </summary>
public sealed class TeamHead
{
    public int TeamId { get; set; }
    public string UserId { get; set; } = "";
}
