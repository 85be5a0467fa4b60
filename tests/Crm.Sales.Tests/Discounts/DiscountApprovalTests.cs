using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Host.Tests.Support;
using Crm.Sales.Tests.Support;
using Crm.Sdk.Security;

namespace Crm.Sales.Tests.Discounts;

public sealed class DiscountApprovalTests(MariaDbFixture mariaDb) : SalesTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task ADiscountAboveTheLimitWaitsForTheHeadOfSalesAndHoldsTheQuoteBack(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/sales/discount-limits",
            new[] { new { role = CrmRoles.SalesManager, maxPercent = (decimal?)10m }, new { role = CrmRoles.HeadOfSales, maxPercent = (decimal?)25m } })).StatusCode);
        var team = await CreateTeamAsync(Server);
        var other = await CreateTeamAsync(Server, "South");
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna", team);
        var (boris, _) = await UserAsync(CrmRoles.SalesManager, "Boris", team);
        var (hanna, hannaId) = await UserAsync(CrmRoles.HeadOfSales, "Hanna", team);
        var (sergei, sergeiId) = await UserAsync(CrmRoles.HeadOfSales, "Sergei", other);
        // Approvals go to a team's heads (not to whoever holds the head-of-sales role in it): Hanna leads the team she is in.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/teams/{team}", new { name = "North", headIds = new[] { hannaId } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/teams/{other}", new { name = "South", headIds = new[] { sergeiId } })).StatusCode);
        var company = await anna.CreateAsync("/api/v1/companies", new { name = "Romashka LLC" });
        var deal = await DealAsync(anna, "Pumps for Romashka", companyId: company);

        await anna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "Pump", quantity = 2m, unitPrice = 1000m, discountPercent = 10m });
        var line = await anna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "Valve", quantity = 4m, unitPrice = 250m, discountPercent = 15m });
        var lines = (await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{deal}/lines")).GetProperty("lines");
        Assert.Equal(["NotNeeded", "Pending"], lines.EnumerateArray().Select(l => l.GetProperty("approval").GetString()));
        Assert.Contains("Approve a discount of 15%: Valve", await hanna.GetStringAsync("/Notifications"));

        var refused = await anna.PostAsJsonAsync($"/api/v1/sales/deals/{deal}/documents", new { kind = "Quote" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("A document cannot be issued while a discount waits for approval or was rejected.",
            (await refused.JsonAsync()).GetProperty("errors").GetProperty("lines")[0].GetString());

        // A manager cannot approve, not even their own discount; the head of another team does not see it.
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.PostAsJsonAsync($"/api/v1/sales/approvals/{line}", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boris.GetAsync("/api/v1/sales/approvals")).StatusCode);
        Assert.Empty((await sergei.GetFromJsonAsync<JsonElement>("/api/v1/sales/approvals")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await sergei.PostAsJsonAsync($"/api/v1/sales/approvals/{line}", new { approve = true })).StatusCode);

        Assert.Contains("Pumps for Romashka", await hanna.GetStringAsync("/Sales/Approvals"));
        var approved = await hanna.PostFormAsync("/Sales/Approvals", new() { ["lineId"] = line.ToString(), ["approve"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Empty((await hanna.GetFromJsonAsync<JsonElement>("/api/v1/sales/approvals")).EnumerateArray());
        Assert.Contains("Discount of 15% approved: Valve", await anna.GetStringAsync("/Notifications"));

        // The platform's audit has who approved and what changed.
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit/sales_deal_lines/{line}");
        var change = history.EnumerateArray().Single(h => h.GetProperty("field").GetString() == "Approval" && h.GetProperty("newValue").GetString() == "Approved");
        Assert.Equal("Pending", change.GetProperty("oldValue").GetString());
        Assert.Equal(hannaId, change.GetProperty("userId").GetString());

        var quote = await anna.CreateAsync($"/api/v1/sales/deals/{deal}/documents", new { kind = "Quote" });
        var again = await anna.CreateAsync($"/api/v1/sales/deals/{deal}/documents", new { kind = "Quote" });
        var documents = (await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{deal}/documents")).EnumerateArray().ToList();
        var year = DateTime.UtcNow.Year;
        Assert.Equal([$"Q-{year}-0001 v2", $"Q-{year}-0001 v1"], documents.Select(d => $"{d.GetProperty("number").GetString()} v{d.GetProperty("versionNo").GetInt32()}"));
        Assert.Equal([again, quote], documents.Select(d => d.GetProperty("id").GetInt32()));

        var document = await anna.GetAsync($"/api/v1/sales/documents/{quote}");
        var html = await document.Content.ReadAsStringAsync();
        Assert.StartsWith("sandbox", document.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("Romashka LLC", html);
        Assert.Contains("1,800.00", html); // 2 × 1000 − 10 %
        Assert.Contains("850.00", html);   // 4 × 250 − 15 %
        Assert.Contains("2,650.00", html);
        Assert.Contains($"Q-{year}-0001", html);
        Assert.Contains("@page", html);
        Assert.Equal(html, await anna.GetStringAsync($"/Sales/Documents/{quote}"));
        Assert.Equal(HttpStatusCode.NotFound, (await boris.GetAsync($"/Sales/Documents/{quote}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sergei.GetAsync($"/api/v1/sales/documents/{quote}")).StatusCode);

        // A rejected discount holds the quote back too, until the line is changed back within the limit.
        var third = await anna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "Seal", quantity = 1m, unitPrice = 10m, discountPercent = 50m });
        Assert.Equal(HttpStatusCode.NoContent, (await hanna.PostAsJsonAsync($"/api/v1/sales/approvals/{third}", new { approve = false })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anna.PostAsJsonAsync($"/api/v1/sales/deals/{deal}/documents", new { kind = "Order" })).StatusCode);
        Assert.Contains("Discount of 50% rejected: Seal", await anna.GetStringAsync("/Notifications"));
        Assert.Equal(HttpStatusCode.NoContent, (await anna.PutAsJsonAsync($"/api/v1/sales/deals/{deal}/lines/{third}",
            new { description = "Seal", quantity = 1m, unitPrice = 10m, discountPercent = 5m })).StatusCode);
        await anna.CreateAsync($"/api/v1/sales/deals/{deal}/documents", new { kind = "Order" });
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AMembersDiscountGoesToTheHeadsOfHerTeamWhateverTheirRoleAndNoOneElse(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/sales/discount-limits",
            new[] { new { role = CrmRoles.SalesManager, maxPercent = (decimal?)10m } })).StatusCode);
        var north = await CreateTeamAsync(Server);
        var south = await CreateTeamAsync(Server, "South");
        var (olga, olgaId) = await UserAsync(CrmRoles.SalesManager, "Olga", south); // a senior manager, member of South, leads North
        var (anna, _) = await UserAsync(CrmRoles.SalesManager, "Anna", north);
        var (hanna, _) = await UserAsync(CrmRoles.HeadOfSales, "Hanna", north);   // in North with the role, but not its head
        var (pavel, pavelId) = await UserAsync(CrmRoles.SalesManager, "Pavel", south);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/teams/{north}",
            new { name = "North", headIds = new[] { olgaId } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/teams/{south}",
            new { name = "South", headIds = new[] { pavelId } })).StatusCode);

        var deal = await DealAsync(anna, "Pumps");
        var line = await anna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "Valve", quantity = 1m, unitPrice = 100m, discountPercent = 20m });
        Assert.Contains("Approve a discount of 20%: Valve", await olga.GetStringAsync("/Notifications"));
        Assert.DoesNotContain("Approve a discount", await hanna.GetStringAsync("/Notifications"));
        Assert.DoesNotContain("Approve a discount", await pavel.GetStringAsync("/Notifications"));
        Assert.DoesNotContain("Approve a discount", await admin.GetStringAsync("/Notifications"));

        // The head of another team and a head-of-sales who leads nothing see nothing and cannot decide.
        Assert.Empty((await pavel.GetFromJsonAsync<JsonElement>("/api/v1/sales/approvals")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await pavel.PostAsJsonAsync($"/api/v1/sales/approvals/{line}", new { approve = true })).StatusCode);
        Assert.Empty((await hanna.GetFromJsonAsync<JsonElement>("/api/v1/sales/approvals")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await hanna.PostAsJsonAsync($"/api/v1/sales/approvals/{line}", new { approve = true })).StatusCode);
        Assert.DoesNotContain("Pumps", await pavel.GetStringAsync("/Sales/Approvals"));
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.GetAsync("/api/v1/sales/approvals")).StatusCode);

        // Olga leads North though her role holds no approve permission: the request is on her page, and she approves it there.
        Assert.Contains("Pumps", await olga.GetStringAsync("/Sales/Approvals"));
        var approved = await olga.PostFormAsync("/Sales/Approvals", new() { ["lineId"] = line.ToString(), ["approve"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("Approved", (await anna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{deal}/lines")).GetProperty("lines")[0].GetProperty("approval").GetString());

        // The administrator still decides any; a team with no head sends requests to the administrators.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/teams/{north}", new { name = "North", headIds = Array.Empty<string>() })).StatusCode);
        var second = await anna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "Seal", quantity = 1m, unitPrice = 10m, discountPercent = 30m });
        Assert.Contains("Approve a discount of 30%: Seal", await admin.GetStringAsync("/Notifications"));
        // Olga leads nothing any more, and her role holds no approve permission: the approvals are closed to her.
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.GetAsync("/api/v1/sales/approvals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await olga.PostAsJsonAsync($"/api/v1/sales/approvals/{second}", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/sales/approvals/{second}", new { approve = false })).StatusCode);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheLimitIsTheHighestOfTheUsersRolesAndAdministratorsAreUnlimited(TestDatabaseKind database)
    {
        await StartSalesAsync(database);
        var admin = await Server.AdminClientAsync();
        var bad = await admin.PutAsJsonAsync("/api/v1/sales/discount-limits", new[] { new { role = CrmRoles.SalesManager, maxPercent = (decimal?)120m } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var form = await admin.PostFormAsync("/Sales/Discounts", new()
        {
            ["Limits[0].Role"] = CrmRoles.SalesManager, ["Limits[0].MaxPercent"] = "5", ["Limits[1].Role"] = CrmRoles.HeadOfSales, ["Limits[1].MaxPercent"] = "20",
        });
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var limits = await admin.GetFromJsonAsync<JsonElement>("/api/v1/sales/discount-limits");
        Assert.Equal(5m, limits.EnumerateArray().Single(l => l.GetProperty("role").GetString() == CrmRoles.SalesManager).GetProperty("maxPercent").GetDecimal());
        Assert.DoesNotContain(limits.EnumerateArray(), l => l.GetProperty("role").GetString() == CrmRoles.Administrator);

        var (hanna, _) = await UserAsync(CrmRoles.HeadOfSales, "Hanna");
        var (marta, _) = await UserAsync(CrmRoles.Marketer, "Marta");
        var deal = await DealAsync(hanna, "Big order");
        await hanna.CreateAsync($"/api/v1/sales/deals/{deal}/lines", new { description = "A", quantity = 1m, unitPrice = 100m, discountPercent = 20m });
        var adminDeal = await DealAsync(admin, "Admin's order");
        await admin.CreateAsync($"/api/v1/sales/deals/{adminDeal}/lines", new { description = "B", quantity = 1m, unitPrice = 100m, discountPercent = 90m });
        Assert.Equal("NotNeeded", (await hanna.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{deal}/lines")).GetProperty("lines")[0].GetProperty("approval").GetString());
        Assert.Equal("NotNeeded", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/sales/deals/{adminDeal}/lines")).GetProperty("lines")[0].GetProperty("approval").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await marta.GetAsync("/api/v1/sales/discount-limits")).StatusCode);
    }
}
