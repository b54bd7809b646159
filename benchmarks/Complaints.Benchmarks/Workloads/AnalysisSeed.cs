using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Complaints.Benchmarks.Workloads;

/// <summary>
/// Stored cases for the period analysis (P8): <c>n</c> cases received evenly over two years from
/// <see cref="BenchClock.Start"/>, 80 % closed and the rest open (the recorded life's cases, as <see cref="DeskSeed"/>),
/// varied in everything a report reads: 12 departments, 20 categories, every severity and channel, complainants drawn
/// from <c>n / 4</c> customers (so some complain again within 90 days), 5,000 subjects, findings on 60 % with a root
/// cause, remedies with amounts on 30 %, follow-ups on half, a reward decided on 5 % of closures and an accountability
/// assessment on 1 %. Written through the SQLite store's own save rows, one unsynced transaction per 20,000 cases.
/// </summary>
public static class AnalysisSeed
{
    /// <summary>The span the receipts are spread over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(730);

    /// <summary>The bump that invalidates cached files when the seed itself changes.</summary>
    internal const int SeedVersion = 1;

    private static readonly PolicyExplanation Explained = new(new PolicyRef("generic", "1.0.0"), []);

    private static readonly Lazy<(Complaint[] Open, Complaint Closed, JournalEntry Receipt)> Templates = new(() =>
    {
        var saves = RecordedLife.Record().Saves;
        return (saves.Skip(1).Take(11).Select(s => s.Case).ToArray(), saves[^1].Case, saves[0].Entries[0]);
    });

    /// <summary>Case number <paramref name="i"/> of <paramref name="n"/>, with its journal, as one save.</summary>
    /// <param name="i">Which.</param>
    /// <param name="n">How many in all.</param>
    /// <returns>The save.</returns>
    public static CaseChange Case(int i, int n)
    {
        var (open, closed, receipt) = Templates.Value;
        var random = new Random(i);
        var template = i % 5 == 0 ? open[(i / 5) % open.Length] : closed;
        var shift = TimeSpan.FromTicks(Window.Ticks / n * i);
        var received = template.ReceivedAt + shift;
        var intake = template.Intake with
        {
            Channel = (Channel)random.Next(Enum.GetValues<Channel>().Length),
            Complainant = new Complainant("Customer", new ContactDetails(), CustomerId: $"C-{random.Next(Math.Max(1, n / 4))}"),
            Subject = new ComplaintSubject(SubjectKind.Product, $"Product {random.Next(5000)}"),
        };
        var c = template with
        {
            Id = new ComplaintId(Guid.CreateVersion7(received)),
            ReceivedAt = received,
            UpdatedAt = template.UpdatedAt + shift,
            Intake = intake,
            Department = new DepartmentId($"dept-{random.Next(12)}"),
            Category = $"category-{random.Next(20)}",
            Severity = (Severity)random.Next(Enum.GetValues<Severity>().Length),
            EscalationLevel = random.Next(20) == 0 ? 1 : 0,
            Findings = random.Next(10) < 6 ? new Findings((FindingOutcome)random.Next(Enum.GetValues<FindingOutcome>().Length), (RootCause)random.Next(Enum.GetValues<RootCause>().Length), "Found.") : null,
            Remedy = random.Next(10) < 3 ? new RemedyProposal((RemedyKind)random.Next(Enum.GetValues<RemedyKind>().Length), "Remedy.", new Money(random.Next(1, 100_000) / 100m, "CNY")) : null,
            FollowUps = template.IsFinal && random.Next(2) == 0
                ? [new FollowUpContact(received + TimeSpan.FromDays(20), new ActorId("desk"), (Satisfaction)random.Next(Enum.GetValues<Satisfaction>().Length), null)]
                : [],
            ClosedAt = template.ClosedAt is null ? null : received + TimeSpan.FromMinutes(random.Next(60, 60 * 24 * 30)),
            Deadlines = [.. template.Deadlines.Select(d => d with
            {
                DueAt = d.DueAt + shift,
                WarnAt = d.WarnAt + shift,
                MetAt = d.MetAt is { } met ? met + shift + TimeSpan.FromHours(random.Next(-48, 24)) : null,
                ExtendableTo = d.ExtendableTo + shift,
            })],
        };

        var entries = new List<JournalEntry> { receipt with { ComplaintId = c.Id, At = received, Event = new ComplaintReceived(intake, c.Policy) } };
        if (c.State == ComplaintState.Closed)
        {
            var reward = random.Next(20) == 0 ? new RewardDecision(random.Next(2) == 0, RewardBasis.Seriousness, 1, 5, null, null, false, Explained) : null;
            entries.Add(receipt with { ComplaintId = c.Id, Sequence = 2, At = c.ClosedAt!.Value, From = ComplaintState.FollowUp, To = ComplaintState.Closed, Event = new ComplaintClosed("Closed.", reward) });
        }

        if (random.Next(100) == 0)
        {
            entries.Add(receipt with
            {
                ComplaintId = c.Id,
                Sequence = entries.Count + 1,
                At = received + TimeSpan.FromDays(10),
                Event = new AccountabilityAssessed(new ActorId($"staff-{random.Next(50)}"), Misconduct.LateHandling, new PenaltyDecision([new Sanction(SanctionKind.Fine, new Money(200, "CNY"), "fine")], Explained)),
            });
        }

        return new CaseChange(c with { Version = entries.Count }, entries, 0);
    }

    /// <summary>
    /// A SQLite file holding <paramref name="n"/> cases, built once and kept in the temp folder under a name with the
    /// store's schema version.
    /// </summary>
    /// <param name="n">How many.</param>
    /// <returns>The file's path.</returns>
    public static string SqliteFile(int n)
    {
        var folder = Path.Combine(Path.GetTempPath(), "complaints-bench");
        Directory.CreateDirectory(folder);
        string PathOf(int schema) => Path.Combine(folder, $"analysis-{n}-schema{schema}-seed{SeedVersion}.db");
        var path = PathOf(SqliteComplaintStore.SchemaVersion);
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + ".building";
        foreach (var stale in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(stale);
        }

        // A file built under an older schema (analysis columns from step 8 on) is copied, so the older file stays for
        // a checkout at that schema, and the copy migrated by the store as a deployed file would be.
        for (var older = SqliteComplaintStore.SchemaVersion - 1; older >= 8; older--)
        {
            if (File.Exists(PathOf(older)))
            {
                var copied = System.Diagnostics.Stopwatch.StartNew();
                File.Copy(PathOf(older), building);
                Console.WriteLine($"// Copied the {n:N0}-case analysis file at schema {older} in {copied.Elapsed.TotalSeconds:0.0} s.");
                var migrated = System.Diagnostics.Stopwatch.StartNew();
                using (var store = new SqliteComplaintStore($"Data Source={building}"))
                {
                    store.MigrateAsync().GetAwaiter().GetResult();
                }

                Console.WriteLine($"// Migrated it from schema {older} to {SqliteComplaintStore.SchemaVersion} in {migrated.Elapsed.TotalSeconds:0.0} s.");
                Finish(building, path, "ANALYZE ix_complaints_analysis; PRAGMA wal_checkpoint(TRUNCATE);");
                return path;
            }
        }

        var built = System.Diagnostics.Stopwatch.StartNew();
        using (var store = new SqliteComplaintStore($"Data Source={building}"))
        {
            const int batch = 20_000;
            for (var start = 0; start < n; start += batch)
            {
                var end = Math.Min(n, start + batch);
                store.SaveManyUnsyncedAsync(Enumerable.Range(start, end - start).Select(i => Case(i, n))).GetAwaiter().GetResult();
            }
        }

        Finish(building, path, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"// Built the {n:N0}-case analysis file in {built.Elapsed.TotalSeconds:0.0} s.");
        return path;
    }

    /// <summary>Runs <paramref name="sql"/> (statistics, checkpoint) on the built file and gives it its final name.</summary>
    private static void Finish(string building, string path, string sql)
    {
        SqliteConnection.ClearAllPools();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var connection = new SqliteConnection($"Data Source={building};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandTimeout = 0;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        Console.WriteLine($"// {sql} took {clock.Elapsed.TotalSeconds:0.0} s.");
        File.Move(building, path);
    }
}
