using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Bench.Generate;

/// <summary>An employee the generator created, and how to sign in as them.</summary>
public sealed record Employee(string Id, string Email, string Role, int? TeamId, bool Russian);

/// <summary>
/// Teams, heads of sales, sales managers and one administrator, created through the host's own account service (so
/// passwords are hashed and roles granted as the product does). Every employee's password is <see cref="Password"/>.
/// </summary>
public static class Staff
{
    public const string Password = "bench-passw0rd";
    public const string AdminEmail = "admin@bench.test";

    public static async Task<List<Employee>> CreateAsync(IServiceProvider services, Scale scale, Vocabulary ru, Vocabulary en, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<AdminAccounts>();
        var teams = Enumerable.Range(1, scale.Teams).Select(i => new Team { Name = i % 3 == 0 ? $"Sales team {i}" : $"Отдел продаж {i}" }).ToList();
        db.Teams.AddRange(teams);
        await db.SaveChangesAsync(ct);

        var staff = new List<Employee>();
        async Task Add(string email, string role, int? teamId, bool russian)
        {
            var name = russian ? ru.Faker.Name.FullName() : en.Faker.Name.FullName();
            var result = await accounts.CreateAsync(email, Password, name, role, teamId);
            if (!result.Succeeded) throw new InvalidOperationException($"{email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            var id = db.Users.Where(u => u.Email == email).Select(u => u.Id).First();
            staff.Add(new Employee(id, email, role, teamId, russian));
        }

        await Add(AdminEmail, CrmRoles.Administrator, null, true);
        for (var t = 0; t < teams.Count; t++) await Add($"head{t + 1}@bench.test", CrmRoles.HeadOfSales, teams[t].Id, teams[t].Name.StartsWith('О'));
        for (var m = 0; m < scale.Managers; m++)
        {
            var team = teams[m % teams.Count];
            await Add($"manager{m + 1}@bench.test", CrmRoles.SalesManager, team.Id, team.Name.StartsWith('О'));
        }
        return staff;
    }
}
