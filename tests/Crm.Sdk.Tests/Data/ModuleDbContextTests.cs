using Crm.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Tests.Data;

public sealed class ModuleDbContextTests
{
    sealed class Thing { public int Id { get; set; } }

    sealed class CarelessContext(DbContextOptions options) : ModuleDbContext(options)
    {
        protected override string TablePrefix => "realestate";
        protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<Thing>().ToTable("things");
    }

    [Fact]
    public void ATableWithoutTheModulePrefixIsRefused()
    {
        using var context = new CarelessContext(new DbContextOptionsBuilder().UseSqlite("Data Source=:memory:").Options);
        var error = Assert.Throws<InvalidOperationException>(() => context.Model);
        Assert.Contains("table \"things\"", error.Message);
        Assert.Contains("must start with \"realestate_\"", error.Message);
    }
}
