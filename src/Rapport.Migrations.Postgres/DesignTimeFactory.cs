using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rapport.Data;

namespace Rapport.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RapportDb>
{
    public RapportDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RapportDb>();
        DatabaseOptions.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=rapport_design");
        return new RapportDb(options.Options);
    }
}
