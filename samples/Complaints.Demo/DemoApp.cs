using Complaints.Demo.Cfpb;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace Complaints.Demo;

/// <summary>The demo's entry point, separate from <c>Program</c> so that tests can run it with their own console.</summary>
internal static class DemoApp
{
    /// <summary>Runs the demo; returns the process exit code: 0 done, 1 failed (one line on <paramref name="error"/>), 2 bad arguments.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (options, problem) = DemoOptions.Parse(args);
        if (options is null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(DemoOptions.Usage);
            return 2;
        }

        if (options.Mode == DemoMode.Help)
        {
            console.WriteLine(DemoOptions.Usage);
            return 0;
        }

        var db = options.DbPath ?? (options.Mode == DemoMode.Scripted ? DemoOptions.DefaultDb : null);
        try
        {
            return options.Mode switch
            {
                DemoMode.Cfpb => await CfpbDemo.RunAsync(options, db, console, error, cancellationToken),
                DemoMode.Import => await ImportDemo.RunAsync(options.ImportPath, db, options.Reset, options.ReportPath, console, cancellationToken),
                _ => await ScriptedDemo.RunAsync(options, db!, console, cancellationToken),
            };
        }
        catch (Exception e) when (db is not null && IsDatabaseProblem(e))
        {
            await error.WriteLineAsync($"Cannot use the database {Path.GetFullPath(db)}: {OneLine(e)}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return 1;
        }
        catch (ComplaintException e)
        {
            await error.WriteLineAsync($"The demo failed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
        catch (DemoException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>An exception from opening or using the SQLite file: not a SQLite database, a directory, no permission, disk full.</summary>
    private static bool IsDatabaseProblem(Exception e) => e switch
    {
        SqliteException or IOException or UnauthorizedAccessException => true,
        Storage.Sqlite.SqliteSchemaException => true,
        AggregateException { InnerException: { } inner } => IsDatabaseProblem(inner),
        InvalidOperationException { InnerException: { } inner } => IsDatabaseProblem(inner),
        _ => false,
    };

    private static string OneLine(Exception e)
    {
        var inner = e is AggregateException or InvalidOperationException && e.InnerException is { } x ? x : e;
        var message = inner.Message.ReplaceLineEndings(" ").Trim();
        return message;
    }
}

/// <summary>A failure the demo explains in one line (a missing or malformed input file).</summary>
internal sealed class DemoException(string message) : Exception(message);
