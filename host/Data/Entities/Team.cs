namespace Crm.Host.Data.Entities;

public sealed class Team
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
