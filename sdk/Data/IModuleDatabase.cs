using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Data;

/// <summary>Points a module's DbContext at the installation's database (SQLite or MySQL/MariaDB); implemented by the host.</summary>
public interface IModuleDatabase
{
    /// <summary>Configures the provider, connection and interceptors.</summary>
    void Configure(DbContextOptionsBuilder options);
}
