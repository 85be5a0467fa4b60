using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Crm.Host.Clients;
using Crm.Host.Data;
using Crm.Host.Security;
using Crm.Host.Tests.Support;
using Crm.Sdk.Auditing;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Tests.Clients;

public sealed class PurgeTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Theory, MemberData(nameof(Databases))]
    public async Task ACompanyDeletedForGoodAfterTheQuestionTakesWhatIsOnlyAboutItAndLeavesNothingPointingAtIt(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        await admin.CreateAsync("/api/v1/custom-fields", new { kind = "Company", key = "budget", label = "Budget", type = "Number", sortOrder = 1 });
        var company = await admin.CreateAsync("/api/v1/companies",
            new { name = "Romashka", tags = new[] { "vip" }, customFields = new Dictionary<string, object> { ["budget"] = 1500 } });
        var other = await admin.CreateAsync("/api/v1/companies", new { name = "Vasilek", tags = new[] { "vip" } });
        var subsidiary = await admin.CreateAsync("/api/v1/companies", new { name = "Romashka North", parentId = company });
        var ivan = await admin.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", companies = new[] { new { companyId = company }, new { companyId = other } } });
        var call = await admin.CreateAsync("/api/v1/activities", new { kind = "Call", subject = "Sent the offer", companyId = company });
        var shared = await admin.CreateAsync("/api/v1/activities", new { kind = "Meeting", subject = "Met Ivan", companyId = company, contactId = ivan });
        var task = await admin.CreateAsync("/api/v1/tasks", new { title = "Call Romashka back", dueAtUtc = DateTime.UtcNow.AddDays(1), companyId = company });
        var sharedTask = await admin.CreateAsync("/api/v1/tasks", new { title = "Ask Ivan", dueAtUtc = DateTime.UtcNow.AddDays(1), companyId = company, contactId = ivan });
        var note = await admin.CreateAsync("/api/v1/notes", new { title = "About Romashka", companyId = company });
        var upload = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(Pdf);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        upload.Add(pdf, "files", "offer.pdf");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/v1/activities/{call}/attachments", upload)).StatusCode);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(server.DataDirectory, "attachments"), "*", SearchOption.AllDirectories));

        // A live company is not deleted for good: first the recycle bin.
        var live = await admin.PostAsync($"/api/v1/companies/{company}/purge", null);
        Assert.Equal(HttpStatusCode.Conflict, live.StatusCode);
        Assert.Equal("application/problem+json", live.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Only a record in the recycle bin", (await live.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/RecycleBin/Purge/company/{company}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/companies/{company}")).StatusCode);
        Assert.Contains($"href=\"/RecycleBin/Purge/company/{company}\"", await admin.GetStringAsync("/RecycleBin"));

        // The question names it and what goes with it; asking deletes nothing.
        var question = await admin.GetStringAsync($"/RecycleBin/Purge/company/{company}");
        Assert.Contains("Delete «Romashka» for good? This cannot be undone.", question);
        Assert.Contains("only about it: 1 (files: 1), tasks only about it: 1,", question);
        Assert.Contains("data-purge-confirm", question);
        Assert.True(File.Exists(file));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/companies/{company}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/companies/{company}")).StatusCode);

        var purged = await admin.PostFormAsync($"/RecycleBin/Purge/company/{company}", []);
        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        Assert.Equal("/RecycleBin", purged.Headers.Location!.OriginalString);

        Assert.False(File.Exists(file));
        Assert.DoesNotContain($"data-company=\"{company}\"", await admin.GetStringAsync("/RecycleBin"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/companies/{company}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/companies/{company}/purge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/RecycleBin/Purge/company/{company}")).StatusCode);

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            Assert.False(await db.Companies.AnyAsync(c => c.Id == company));
            Assert.False(await db.Activities.AnyAsync(a => a.Id == call));
            Assert.False(await db.Tasks.AnyAsync(t => t.Id == task));
            Assert.Empty(await db.ActivityAttachments.ToListAsync());
            Assert.False(await db.Activities.AnyAsync(a => a.CompanyId == company));
            Assert.False(await db.Tasks.AnyAsync(t => t.CompanyId == company));
            Assert.False(await db.ContactCompanies.AnyAsync(l => l.CompanyId == company));
            Assert.False(await db.Companies.AnyAsync(c => c.ParentId == company));
            Assert.False(await db.ClientTags.AnyAsync(t => t.Kind == ClientKind.Company && t.RecordId == company));
            var companyFields = db.CustomFields.Where(f => f.Kind == ClientKind.Company).Select(f => f.Id);
            Assert.False(await db.CustomValues.AnyAsync(v => v.RecordId == company && companyFields.Contains(v.FieldId)));
            // What also concerned another client stays with it.
            Assert.Equal(ivan, (await db.Activities.SingleAsync(a => a.Id == shared)).ContactId);
            Assert.Equal(ivan, (await db.Tasks.SingleAsync(t => t.Id == sharedTask)).ContactId);
            Assert.Equal([other], await db.ContactCompanies.Where(l => l.ContactId == ivan).Select(l => l.CompanyId).ToListAsync());
            Assert.True(await db.ClientTags.AnyAsync(t => t.Kind == ClientKind.Company && t.RecordId == other));
            // The audit keeps that it existed and who deleted it for good; the subsidiary's history says it left the holding.
            var id = company.ToString();
            var deletion = await db.Audit.Where(a => a.Entity == ClientHistory.CompanyTable && a.EntityId == id && a.Action == AuditAction.Delete).ToListAsync();
            Assert.Equal("Romashka", Assert.Single(deletion, a => a.Field == nameof(Company.Name)).OldValue);
            Assert.All(deletion, a => Assert.Equal("Admin", a.UserName));
            var subsidiaryId = subsidiary.ToString();
            Assert.True(await db.Audit.AnyAsync(a => a.Entity == ClientHistory.CompanyTable && a.EntityId == subsidiaryId &&
                                                     a.Field == nameof(Company.ParentId) && a.OldValue == id && a.NewValue == null));
        }
        var kept = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{subsidiary}");
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("parentId").ValueKind);
        // The module detached its note: still there, about no client.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/notes/{note}")).StatusCode);
        await using (var scope = server.Services.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<CoreDbContext>().Database
                .SqlQueryRaw<int?>("SELECT CompanyId AS Value FROM notes_items WHERE Id = {0}", note).SingleAsync());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task DeletingForGoodNeedsThePurgePermissionTheRecordsScopeAndTheRecycleBin(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith());
        var annaEmail = await server.CreateUserAsync(CrmRoles.SalesManager);
        var anna = await server.SignInAsync(annaEmail);
        var annaApi = await server.TokenClientAsync(annaEmail);
        var boris = await server.TokenClientAsync(await server.CreateUserAsync(CrmRoles.SalesManager));
        var company = await annaApi.CreateAsync("/api/v1/companies", new { name = "Romashka" });
        var contact = await annaApi.CreateAsync("/api/v1/contacts", new { firstName = "Ivan", lastName = "Petrov" });
        Assert.Equal(HttpStatusCode.NoContent, (await annaApi.DeleteAsync($"/api/v1/companies/{company}")).StatusCode);

        // A sales manager may delete and restore, but not delete for good: no link, no question page, 403 over the API.
        Assert.DoesNotContain("/RecycleBin/Purge/company/", await anna.GetStringAsync("/RecycleBin"));
        var denied = await anna.GetAsync($"/RecycleBin/Purge/company/{company}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/Denied", denied.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await annaApi.PostAsync($"/api/v1/companies/{company}/purge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await annaApi.PostAsync($"/api/v1/contacts/{contact}/purge", null)).StatusCode);

        // Granted to sales managers (own scope), it reaches only their own records.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            var role = await db.Roles.SingleAsync(r => r.Name == CrmRoles.SalesManager);
            db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = RoleSeeder.PermissionClaim, ClaimValue = CorePermissions.PurgeClients });
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<UserAccessCache>().Invalidate();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PostAsync($"/api/v1/companies/{company}/purge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PostAsync($"/api/v1/contacts/{contact}/purge", null)).StatusCode);
        var live = await annaApi.PostAsync($"/api/v1/contacts/{contact}/purge", null);
        Assert.Equal(HttpStatusCode.Conflict, live.StatusCode);
        Assert.Equal("application/problem+json", live.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await annaApi.GetAsync($"/api/v1/contacts/{contact}")).StatusCode);

        Assert.Contains($"href=\"/RecycleBin/Purge/company/{company}\"", await anna.GetStringAsync("/RecycleBin"));
        Assert.Equal(HttpStatusCode.NoContent, (await annaApi.PostAsync($"/api/v1/companies/{company}/purge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await annaApi.DeleteAsync($"/api/v1/contacts/{contact}")).StatusCode);
        Assert.Contains("Delete «Ivan Petrov» for good?", await anna.GetStringAsync($"/RecycleBin/Purge/contact/{contact}"));
        Assert.Equal(HttpStatusCode.NoContent, (await annaApi.PostAsync($"/api/v1/contacts/{contact}/purge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await annaApi.PostAsync($"/api/v1/contacts/{contact}/restore", null)).StatusCode);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
            Assert.False(await db.Companies.AnyAsync(c => c.Id == company));
            Assert.False(await db.Contacts.AnyAsync(c => c.Id == contact));
        }
    }
}
