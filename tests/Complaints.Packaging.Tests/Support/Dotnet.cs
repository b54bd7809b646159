using System.Diagnostics;
using System.Text;

namespace Complaints.Packaging.Tests.Support;

/// <summary>The outcome of one <c>dotnet</c> (or other) command: its exit code, its interleaved output and how long it took.</summary>
public sealed record CommandRun(string Command, int ExitCode, string Output, TimeSpan Duration)
{
    /// <summary>A failure message quoting the command and the tail of its output.</summary>
    public string Describe()
    {
        const int keep = 12_000;
        var output = Output.Length <= keep ? Output : "…" + Output[^keep..];
        return $"`{Command}` exited with {ExitCode} after {Duration.TotalSeconds:0.0} s. Output:\n{output}";
    }
}

/// <summary>Runs the .NET CLI (and git) as a child process with a clean environment.</summary>
public static class Dotnet
{
    /// <summary>The dotnet executable running these tests (DOTNET_HOST_PATH when set), else "dotnet" from PATH.</summary>
    public static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Runs dotnet with <paramref name="arguments"/> in <paramref name="workingDirectory"/>. MSBuild variables inherited from a
    /// parent `dotnet test` are removed (they would point the child at the parent's MSBuild), build servers and node reuse are
    /// off so nothing lingers after the test, and <paramref name="environment"/> is applied last (a null value removes the variable).
    /// </summary>
    public static Task<CommandRun> RunAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null) =>
        RunProcessAsync(Executable, workingDirectory, arguments, environment, timeout ?? TimeSpan.FromMinutes(10));

    /// <summary>Runs git (for the commit the packages should name).</summary>
    public static Task<CommandRun> GitAsync(string workingDirectory, params string[] arguments) =>
        RunProcessAsync("git", workingDirectory, arguments, null, TimeSpan.FromMinutes(1));

    /// <summary>Runs an executable (a published app) in <paramref name="workingDirectory"/>.</summary>
    public static Task<CommandRun> RunProcessAsync(string fileName, string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout) =>
        RunProcessAsync(fileName, workingDirectory, arguments, null, timeout);

    private static async Task<CommandRun> RunProcessAsync(string fileName, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var command = $"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)}";
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Append($"[killed after {timeout.TotalMinutes:0} min]");
            return new CommandRun(command, -1, Snapshot(), clock.Elapsed);
        }

        process.WaitForExit(); // drains the redirected output
        return new CommandRun(command, process.ExitCode, Snapshot(), clock.Elapsed);

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
