namespace Crm.Sdk.Testing;

/// <summary>Which database a test host runs on: "sqlite" always, "mariadb" where its server is installed.</summary>
public enum TestDatabaseKind { Sqlite, MariaDb }
