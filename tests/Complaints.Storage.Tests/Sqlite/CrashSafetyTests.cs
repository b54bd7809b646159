using System.Diagnostics;
using Complaints.Storage.Sqlite;
using Complaints.Testing.Stores;
using Complaints.Workflow;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>
/// A process writing to the file is killed mid-way, several times: afterwards every case is exactly as of some command
/// that committed, never half of one.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task ChildKilledMidWaySeveralTimes_EveryCaseEqualsTheReplayOfItsJournal()
    {
        var path = _database.NewPath();
        var random = new Random(20260302);
        var commits = 0;

        for (var round = 0; round < 5; round++)
        {
            commits += await RunAndKill(path, killAfter: random.Next(15, 150), extraDelay: TimeSpan.FromMilliseconds(random.Next(0, 30)));
        }

        commits.Should().BeGreaterThan(75);
        var store = _database.Store(path);
        var cases = await store.QueryAsync(new Complaints.Ports.ComplaintQuery { Take = 1000 });
        cases.Should().HaveCountGreaterThan(5);
        foreach (var stored in cases)
        {
            var journal = await store.ReadJournalAsync(stored.Id);
            journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), "case {0}'s journal has no gap", stored.Id);
            stored.Version.Should().Be(journal.Count, "case {0} is as of its last journal entry", stored.Id);
            StoreHarness.Json(ComplaintReplay.Replay(journal)).Should().Be(StoreHarness.Json(stored), "case {0} is the replay of its journal", stored.Id);
        }

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        Scalar(connection, "PRAGMA integrity_check;").Should().Be("ok");
        Scalar(connection, "SELECT COUNT(*) FROM journal WHERE complaint_id NOT IN (SELECT id FROM complaints);").Should().Be("0");
        Scalar(connection, "SELECT COUNT(*) FROM complaints c WHERE c.version <> (SELECT MAX(sequence) FROM journal j WHERE j.complaint_id = c.id);").Should().Be("0");
        Scalar(connection, "SELECT COUNT(*) FROM complaints c WHERE (SELECT COUNT(*) FROM deadlines d WHERE d.complaint_id = c.id) <> json_array_length(c.json, '$.deadlines');")
            .Should().Be("0", "the deadline rows were written with their case");
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Runs the child on <paramref name="path"/> until it has reported <paramref name="killAfter"/> commits, then kills it.</summary>
    private static async Task<int> RunAndKill(string path, int killAfter, TimeSpan extraDelay)
    {
        var child = Path.Combine(AppContext.BaseDirectory, "Complaints.Storage.CrashChild.dll");
        File.Exists(child).Should().BeTrue("the test project references the child so it is built next to the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(child);
        start.ArgumentList.Add(path);

        using var process = Process.Start(start)!;
        var seen = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("committed ", StringComparison.Ordinal) == true && Interlocked.Increment(ref seen) >= killAfter)
            {
                enough.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(enough.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
        first.Should().Be(enough.Task, "the child should keep committing until killed; it wrote: {0}", errors);
        await Task.Delay(extraDelay);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return seen;
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
