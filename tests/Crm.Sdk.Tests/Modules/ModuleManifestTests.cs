using Crm.Sdk.Modules;

namespace Crm.Sdk.Tests.Modules;

public sealed class ModuleManifestTests
{
    const string Valid = """
        { "id": "realestate", "name": "Real estate", "version": "1.2.0", "sdk": "[1.0,2.0)", "assembly": "RealEstate.dll",
          "dependencies": { "sales": "[1.0,)" }, "kind": "Industry", "author": "Partner LLC" }
        """;

    [Fact]
    public void AValidManifestReadsEveryField()
    {
        var manifest = ModuleManifest.Parse(Valid);
        Assert.Equal("realestate", manifest.Id);
        Assert.Equal(ModuleKind.Industry, manifest.Kind);
        Assert.Equal("[1.0,)", manifest.Dependencies["sales"]);
    }

    [Theory]
    [InlineData("\"id\": \"realestate\"", "\"id\": \"Real-Estate\"", "must be lower-case letters and digits")]
    [InlineData("\"id\": \"realestate\"", "\"id\": \"core\"", "reserved for the host")]
    [InlineData("\"version\": \"1.2.0\"", "\"version\": \"one\"", "is not a version")]
    [InlineData("\"sdk\": \"[1.0,2.0)\"", "\"sdk\": \"[oops\"", "is not a version range")]
    [InlineData("\"sales\": \"[1.0,)\"", "\"sales\": \"latest\"", "dependency sales")]
    [InlineData("\"assembly\": \"RealEstate.dll\",", "", "\"assembly\" is required")]
    [InlineData("{", "[", "not valid JSON")]
    public void ABadManifestSaysWhatIsWrong(string from, string to, string message)
    {
        var error = Assert.Throws<InvalidModuleManifestException>(() => ModuleManifest.Parse(Valid.Replace(from, to)));
        Assert.Contains(message, error.Message);
    }
}
