using System.Net;
using Crm.Host.Templates;
using Crm.Host.Tests.Support;
using Crm.Sdk.Templates;

namespace Crm.Host.Tests.Templates;

public sealed class TemplateTests(MariaDbFixture mariaDb) : HostTest(mariaDb)
{
    [Theory, MemberData(nameof(Databases))]
    public async Task AnAdministratorOverridesAModuleTemplateAndCanGoBack(TestDatabaseKind database)
    {
        var server = await StartAsync(database, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var id = await admin.CreateNoteAsync("Quote for <Romashka>");

        var card = await admin.GetStringAsync($"/api/v1/notes/{id}/card");
        Assert.Contains("<article class=\"note-card\">", card);
        Assert.Contains("Quote for &lt;Romashka&gt;", card); // values are escaped in the HTML document
        Assert.Contains("Admin", card);

        var broken = await admin.PostFormAsync("/Admin/Templates/notes/note-card", new() { ["content"] = "{{ for x in }}", ["action"] = "save" });
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("The template has errors", await broken.Content.ReadAsStringAsync());

        var saved = await admin.PostFormAsync("/Admin/Templates/notes/note-card",
            new() { ["content"] = "OFFER: {{ title | string.upcase }} by {{ owner_name }}", ["action"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("OFFER: QUOTE FOR &lt;ROMASHKA&gt; by Admin", await admin.GetStringAsync($"/api/v1/notes/{id}/card"));

        await admin.PostFormAsync("/Admin/Templates/notes/note-card", new() { ["content"] = "", ["action"] = "reset" });
        Assert.Contains("<article class=\"note-card\">", await admin.GetStringAsync($"/api/v1/notes/{id}/card"));
        var page = await admin.GetStringAsync("/Admin/Templates/notes/note-card");
        Assert.Contains("<td>2</td>", page); // both versions are in the history
        Assert.Contains("<td>1</td>", page);
    }

    [Fact]
    public async Task ValuesInADocumentAreEscapedAndTheDocumentCannotRunScript()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith("notes"), "notes");
        var manager = await server.TokenClientAsync(await server.CreateUserAsync(Crm.Sdk.Security.CrmRoles.SalesManager));
        var id = await manager.CreateNoteAsync("<img src=x onerror=alert(1)>");

        var card = await manager.GetAsync($"/api/v1/notes/{id}/card");
        var html = await card.Content.ReadAsStringAsync();
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.DoesNotContain("<img", html);
        Assert.StartsWith("sandbox", card.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task ATemplateThatCannotRenderIsAClearErrorNotA500()
    {
        var server = await StartAsync(TestDatabaseKind.Sqlite, ModulesWith("notes"), "notes");
        var admin = await server.AdminClientAsync();
        var id = await admin.CreateNoteAsync("Loop");
        await admin.PostFormAsync("/Admin/Templates/notes/note-card", new() { ["content"] = "{{ while true }}x{{ end }}", ["action"] = "save" });

        var card = await admin.GetAsync($"/api/v1/notes/{id}/card");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, card.StatusCode);
        Assert.Contains("cannot be rendered", await card.Content.ReadAsStringAsync());
    }

    [Fact]
    public void AnEndlessLoopStopsAtTheLoopLimit() =>
        Assert.Throws<TemplateRenderException>(() => SandboxedRenderer.Render("{{ while true }}x{{ end }}", new { }));

    [Fact]
    public void DeepRecursionStops() =>
        Assert.Throws<TemplateRenderException>(() => SandboxedRenderer.Render("{{ func f(n); ret f(n + 1); end; f(1) }}", new { }));

    [Fact]
    public void AHugeDocumentStopsAtTheOutputLimit() =>
        Assert.Throws<TemplateRenderException>(() =>
            SandboxedRenderer.Render("{{ for i in 1..9000 }}" + new string('x', 200) + "{{ end }}", new { }));

    [Fact]
    public void TheTemplateSeesOnlyTheModelsData()
    {
        var model = new { Name = "Romashka", Nested = new { Amount = 12.5m } };
        var text = SandboxedRenderer.Render("{{ name }}|{{ nested.amount }}|{{ name.length }}|{{ nested.get_type }}|{{ nested.amount.get_type }}", model);
        Assert.Equal("Romashka|12.5|||", text);
    }
}
