using Crm.Host.Cli;
using Crm.Host.Data;
using Crm.Host.Hosting;

if (AdminCommands.IsCommand(args)) return await AdminCommands.RunAsync(args);

var app = CrmApplication.Build(args);
try
{
    await app.RunAsync();
    return 0;
}
catch (DatabaseUnavailableException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (Microsoft.Extensions.Options.OptionsValidationException e)
{
    // A setting that cannot work stops the start with what to fix, not a stack trace.
    Console.Error.WriteLine(string.Join(Environment.NewLine, e.Failures));
    return 2;
}

/// <summary>The entry point, visible to the test kit's WebApplicationFactory.</summary>
public partial class Program;
