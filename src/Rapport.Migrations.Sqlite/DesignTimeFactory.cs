using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rapport.Data;

namespace Rapport.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting a host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RapportDb>
{
    public RapportDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RapportDb>();
        DatabaseOptions.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new RapportDb(options.Options);
    }
}
