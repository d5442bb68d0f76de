using System.Security.Cryptography;

namespace Rapport.Web.Features.ClientBase;

/// <summary>
/// Uploaded CSV files between the preview and the commit of an import, in a folder on this server (setting
/// <c>Import:Folder</c>, by default one under the system's temp folder; behind a load balancer, a folder every instance
/// shares). Each file is named by its uploader and a random token, so no one else can open it, and lives for an hour.
/// </summary>
internal sealed class ImportUploads(IConfiguration configuration, TimeProvider clock)
{
    /// <summary>Below Kestrel's default limit on a request body, so a too-large file gets our message, not a bare 413.</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly string _folder = configuration["Import:Folder"] is { Length: > 0 } folder
        ? folder
        : Path.Combine(Path.GetTempPath(), "rapport-imports");

    /// <summary>Keeps an uploaded file and returns the token that opens it again.</summary>
    public async Task<string> SaveAsync(Guid userId, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(_folder);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var file = new FileStream(PathOf(userId, token), FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        await content.CopyToAsync(file, ct);
        return token;
    }

    /// <summary>The file this user uploaded under this token, or null if there is none or it has expired.</summary>
    public FileStream? Open(Guid userId, string token)
    {
        if (!IsToken(token))
        {
            return null;
        }

        var path = PathOf(userId, token);
        if (!File.Exists(path) || IsExpired(File.GetLastWriteTimeUtc(path)))
        {
            return null;
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        }
        catch (FileNotFoundException)
        {
            // Swept between the check and the opening.
            return null;
        }
    }

    public void Delete(Guid userId, string token)
    {
        if (IsToken(token))
        {
            File.Delete(PathOf(userId, token));
        }
    }

    /// <summary>Deletes the files older than <see cref="Lifetime"/>.</summary>
    public void Sweep()
    {
        if (!Directory.Exists(_folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(_folder, "*.csv"))
        {
            try
            {
                if (IsExpired(File.GetLastWriteTimeUtc(path)))
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // Still open for a commit: the next sweep takes it.
            }
        }
    }

    private bool IsExpired(DateTime writtenUtc) => clock.GetUtcNow().UtcDateTime - writtenUtc > Lifetime;

    private string PathOf(Guid userId, string token) => Path.Combine(_folder, $"{userId:N}-{token}.csv");

    /// <summary>Only the tokens this class makes, so a token from a URL can never reach outside the folder.</summary>
    private static bool IsToken(string token) => token.Length == 32 && token.All(char.IsAsciiHexDigitLower);
}

internal static class ImportUploadsSetup
{
    /// <summary>The upload folder of the import pages and its sweeper.</summary>
    public static IServiceCollection AddImportUploads(this IServiceCollection services) =>
        services.AddSingleton<ImportUploads>().AddHostedService<ImportUploadSweeper>();
}

/// <summary>Sweeps expired uploads every ten minutes.</summary>
internal sealed class ImportUploadSweeper(ImportUploads uploads, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        do
        {
            uploads.Sweep();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
