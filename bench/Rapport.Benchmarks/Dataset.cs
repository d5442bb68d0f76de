using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Rapport.Benchmarks;

/// <summary>
/// The generated employee database the list benchmarks read. BenchmarkDotNet runs each benchmark in a process of
/// its own, so the first one generates the file into the run's folder and the others open the same file.
/// </summary>
internal static class Dataset
{
    /// <summary>How many employees to generate; <c>--employees N</c> on the command line sets it.</summary>
    public const string EmployeesVariable = "RAPPORT_BENCH_EMPLOYEES";

    /// <summary>The folder of the database; set it to keep the generated file for later runs.</summary>
    public const string FolderVariable = "RAPPORT_BENCH_FOLDER";

    public const int DefaultEmployees = 100_000;

    /// <summary>Enough for every team to have a head and members.</summary>
    public const int MinimumEmployees = 100;

    public const int Seed = 2026;

    public static int Employees
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EmployeesVariable);
            if (string.IsNullOrEmpty(value))
            {
                return DefaultEmployees;
            }

            return TryParseSize(value, out var size)
                ? size
                : throw new InvalidOperationException($"{EmployeesVariable} must be a whole number of at least {MinimumEmployees}, not '{value}'.");
        }
    }

    public static bool TryParseSize(string? value, out int size) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size >= MinimumEmployees;

    /// <summary>Returns the connection string of the dataset in <paramref name="folder"/>, generating it first if needed.</summary>
    public static async Task<string> EnsureAsync(string folder)
    {
        var employees = Employees;
        var path = Path.Combine(folder, $"employees-{employees}-seed{Seed}.db");
        if (File.Exists(path))
        {
            return ConnectionString(path, pooling: true);
        }

        // Built under another name and renamed when complete, so an interrupted run never leaves a partial file to reuse.
        var building = path + ".building";
        foreach (var file in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(file);
        }

        var stopwatch = Stopwatch.StartNew();
        await EmployeeGenerator.FillAsync(ConnectionString(building, pooling: false), employees, Seed);
        if (File.Exists(building + "-wal"))
        {
            throw new InvalidOperationException("The generated database still has a write-ahead log; it would lose rows if renamed.");
        }

        File.Move(building, path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Generated {employees:N0} employees (seed {Seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        return ConnectionString(path, pooling: true);
    }

    /// <summary>Benchmarks use pooled connections, as the web host does; the generator must let go of its file.</summary>
    private static string ConnectionString(string path, bool pooling) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooling }.ToString();
}
