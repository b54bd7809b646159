using System.Text.Json;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Storage.PostgreSql;
using Complaints.Storage.PostgreSql.Internal;
using Complaints.Testing;
using Npgsql;

namespace Complaints.Benchmarks.Workloads;

/// <summary>
/// Cases for the period analysis in PostgreSQL (P8): <c>n</c> cases received evenly over two years (2025 and 2026) in
/// three packs, twelve departments, fifteen categories and every channel; old cases mostly final, the last six weeks'
/// mostly open; findings with a skewed root cause, remedies (some with amounts, in two currencies), deadlines met on
/// time, late or not at all, follow-ups, escalations, rewards and sanctions; complainants drawn from 300,000 (a fifth
/// anonymous) and subjects from 2,000, so recurrence finds repeats. The rows are the store's own
/// (<see cref="CaseRow"/>: what a save writes), loaded with binary <c>COPY</c>; the journal holds the accountability
/// entries only (the analysis reads no other entry). The schema is built once and kept across runs under a name with
/// the store's schema version and the seed's version.
/// </summary>
public static class PostgreSqlAnalysisSeed
{
    /// <summary>The first instant of the two years.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The end of the two years (exclusive).</summary>
    public static readonly DateTimeOffset End = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int SeedVersion = 2;
    private const int Seed = 8;

    private static readonly string[] Packs = ["dealership", "hospital", "generic"];
    private static readonly RootCause[] Causes =
        [RootCause.ProcessGap, RootCause.ProcessGap, RootCause.ProcessGap, RootCause.StaffError, RootCause.StaffError, RootCause.ProductDefect, RootCause.External, RootCause.CustomerMisunderstanding, RootCause.Undetermined];

    /// <summary>The schema holding <paramref name="n"/> cases, built if missing.</summary>
    /// <param name="dataSource">The server.</param>
    /// <param name="n">How many cases.</param>
    /// <returns>The schema's name.</returns>
    public static string Schema(NpgsqlDataSource dataSource, int n)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var schema = $"analysis_{n}_v{PostgreSqlComplaintStore.SchemaVersion}_s{SeedVersion}";
        using (var exists = dataSource.CreateCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema"))
        {
            exists.Parameters.AddWithValue("schema", schema);
            if ((long)exists.ExecuteScalar()! == 1)
            {
                return schema;
            }
        }

        // Built under another name and renamed when complete, so an interrupted build is never taken for a seed.
        var building = schema + "_building";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {building} CASCADE"))
        {
            drop.ExecuteNonQuery();
        }

        using (var store = new PostgreSqlComplaintStore(dataSource, new PostgreSqlStoreOptions { Schema = building }))
        {
            store.MigrateAsync().GetAwaiter().GetResult();
        }

        var random = new Random(Seed);
        var template = A.Complaint().Build();
        var rewards = new List<(Guid Id, string Reward)>();
        var sanctions = new List<(Complaint Case, AccountabilityAssessed Assessed)>();
        using (var connection = dataSource.OpenConnection())
        {
            var columns = CaseRow.Columns.Concat(CaseRow.GapColumns).ToArray();
            var caseColumns = string.Join(", ", columns.Select(c => c.Name));
            var deadlineColumns = string.Join(", ", CaseRow.DeadlineColumns.Select(c => c.Name));
            var cases = new List<Complaint>(n);
            for (var i = 0; i < n; i++)
            {
                cases.Add(Case(template, random, i, n));
            }

            // The recurrence gaps as the saves would have kept them, computed here (as the migration's backfill would).
            var gaps = Gaps(cases);
            using (var import = connection.BeginBinaryImport($"COPY {building}.complaints ({caseColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                import.Timeout = TimeSpan.Zero;
                for (var i = 0; i < n; i++)
                {
                    var c = cases[i];
                    Write(import, columns, [.. CaseRow.Values(c), gaps[0][i], gaps[1][i], gaps[2][i]]);
                    if (random.Next(50) == 0)
                    {
                        rewards.Add((c.Id.Value, random.Next(2) == 0 ? AnalysisColumns.Eligible : AnalysisColumns.Ineligible));
                    }

                    if (random.Next(100) == 0)
                    {
                        sanctions.Add((c, Assessed(random)));
                    }
                }

                import.Complete();
            }

            using (var import = connection.BeginBinaryImport($"COPY {building}.deadlines ({deadlineColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                import.Timeout = TimeSpan.Zero;
                foreach (var c in cases)
                {
                    for (var slot = 0; slot < c.Deadlines.Count; slot++)
                    {
                        Write(import, CaseRow.DeadlineColumns, CaseRow.DeadlineValues(c, slot));
                    }
                }

                import.Complete();
            }

            using (var import = connection.BeginBinaryImport(
                $"COPY {building}.journal (complaint_id, sequence, at, actor_id, from_state, to_state, event_type, command_id, entry) FROM STDIN (FORMAT BINARY)"))
            {
                import.Timeout = TimeSpan.Zero;
                foreach (var (c, assessed) in sanctions)
                {
                    var entry = new JournalEntry(c.Id, 2, c.ReceivedAt.AddDays(3), A.Manager(), c.State, c.State, assessed, Guid.NewGuid());
                    Write(
                        import,
                        [("complaint_id", NpgsqlTypes.NpgsqlDbType.Uuid), ("sequence", NpgsqlTypes.NpgsqlDbType.Bigint), ("at", NpgsqlTypes.NpgsqlDbType.TimestampTz),
                         ("actor_id", NpgsqlTypes.NpgsqlDbType.Text), ("from_state", NpgsqlTypes.NpgsqlDbType.Text), ("to_state", NpgsqlTypes.NpgsqlDbType.Text),
                         ("event_type", NpgsqlTypes.NpgsqlDbType.Text), ("command_id", NpgsqlTypes.NpgsqlDbType.Uuid), ("entry", NpgsqlTypes.NpgsqlDbType.Json)],
                        [c.Id.Value, entry.Sequence, entry.At.ToUniversalTime(), entry.Actor.Id.Value, CaseColumns.Of(c.State), CaseColumns.Of(c.State),
                         CaseColumns.EventType(assessed), entry.CommandId, JsonSerializer.Serialize(entry, ComplaintsJson.Options)]);
                }

                import.Complete();
            }

            using (var reward = new NpgsqlCommand($"UPDATE {building}.complaints c SET reward = u.reward FROM unnest(@ids, @rewards) AS u(id, reward) WHERE c.id = u.id", connection) { CommandTimeout = 0 })
            {
                reward.Parameters.AddWithValue("ids", rewards.Select(r => r.Id).ToArray());
                reward.Parameters.AddWithValue("rewards", rewards.Select(r => r.Reward).ToArray());
                reward.ExecuteNonQuery();
            }

            // Vacuumed as autovacuum would have it, so that index-only scans find the pages all-visible.
            foreach (var table in new[] { "complaints", "deadlines", "journal" })
            {
                using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {building}.{table}", connection) { CommandTimeout = 0 };
                vacuum.ExecuteNonQuery();
            }

            using var rename = new NpgsqlCommand($"ALTER SCHEMA {building} RENAME TO {schema}", connection);
            rename.ExecuteNonQuery();
        }

        Console.WriteLine($"// Built the {n:N0}-case PostgreSQL analysis schema in {clock.Elapsed.TotalSeconds:0.0} s.");
        return schema;
    }

    private static Complaint Case(Complaint template, Random r, int i, int n)
    {
        var received = Start + TimeSpan.FromTicks((End - Start).Ticks / n * i) + TimeSpan.FromSeconds(r.Next(0, 60));
        var recent = received > End.AddDays(-42);
        var state = recent && r.Next(10) < 6
            ? (ComplaintState)r.Next((int)ComplaintState.Triaged, (int)ComplaintState.Closed)
            : r.Next(100) switch
            {
                < 3 => ComplaintState.Investigating,
                < 8 => ComplaintState.Rejected,
                < 11 => ComplaintState.Withdrawn,
                < 13 => ComplaintState.Redirected,
                _ => ComplaintState.Closed,
            };
        var closed = state == ComplaintState.Closed ? received.AddHours(r.Next(2, 24 * 30)) : (DateTimeOffset?)null;
        DepartmentId? department = r.Next(33) == 0 ? null : new DepartmentId($"dept-{Skewed(r, 12)}");
        var hasFindings = state == ComplaintState.Closed ? r.Next(10) < 8 : state == ComplaintState.Investigating && r.Next(2) == 0;
        var ack = received.AddHours(24);
        var resolve = received.AddDays(15);
        var deadlines = new List<Deadline>
        {
            new(DeadlineKind.Acknowledge, ack, "ack", "default", r.Next(10) == 0 && !recent ? null : received.AddMinutes(r.Next(5, 60 * 30))),
            new(DeadlineKind.Resolve, resolve, "resolve", "default", closed),
        };
        if (state == ComplaintState.Closed && r.Next(2) == 0)
        {
            deadlines.Add(new Deadline(DeadlineKind.FollowUp, closed!.Value.AddDays(7), "follow-up", "default", r.Next(4) == 0 ? null : closed.Value.AddDays(r.Next(1, 10))));
        }

        var followUps = state == ComplaintState.Closed && r.Next(2) == 0
            ? new[] { new FollowUpContact(closed!.Value.AddDays(3), new ActorId("caller"), (Satisfaction)Skewed(r, 6), null) }
            : Array.Empty<FollowUpContact>();
        var complainant = r.Next(5) == 0
            ? Complainant.Anonymous
            : new Complainant("Customer", new ContactDetails(), CustomerId: $"customer-{r.Next(300_000)}");
        var remedyKind = (RemedyKind)r.Next(0, 7);
        var remedy = state is ComplaintState.Closed or ComplaintState.Investigating && r.Next(10) < 6
            ? new RemedyProposal(remedyKind, "remedy", remedyKind is RemedyKind.Refund or RemedyKind.Compensation
                ? new Money(r.Next(100, 500_000) / 100m, r.Next(20) == 0 ? "USD" : "CNY")
                : null)
            : null;
        return template with
        {
            Id = new ComplaintId(Guid.CreateVersion7(received)),
            Version = 1,
            State = state,
            ReceivedAt = received,
            UpdatedAt = closed ?? received,
            Policy = new PolicyRef(Packs[Skewed(r, 3)], "1.0.0"),
            Intake = template.Intake with
            {
                Channel = (Channel)r.Next(0, 10),
                Complainant = complainant,
                Subject = new ComplaintSubject(SubjectKind.Product, $"product {Skewed(r, 2000)}"),
            },
            Category = r.Next(20) == 0 ? null : $"category-{Skewed(r, 15)}",
            Severity = r.Next(30) == 0 ? null : (Severity)Skewed(r, 4),
            Department = department,
            Findings = hasFindings ? new Findings((FindingOutcome)r.Next(0, 3), Causes[r.Next(Causes.Length)], "found") : null,
            Remedy = remedy,
            EscalationLevel = r.Next(12) == 0 ? 1 : 0,
            Deadlines = deadlines,
            FollowUps = followUps,
            ClosedAt = closed,
        };
    }

    private static AccountabilityAssessed Assessed(Random r) =>
        new(new ActorId($"staff-{r.Next(500)}"), Misconduct.LateHandling, new PenaltyDecision(
            r.Next(2) == 0
                ? [new Sanction(SanctionKind.Warning, null, "warning")]
                : [new Sanction(SanctionKind.Demerit, null, "demerit"), new Sanction(SanctionKind.Fine, new Money(r.Next(1, 20) * 100m, "CNY"), "fine")],
            new PolicyExplanation(new PolicyRef("dealership", "1.0.0"), [])));

    /// <summary>
    /// Per recurrence key (complainant, subject, department and cause, each within the pack), each case's gap in ticks
    /// to the latest case with the same key received strictly before it; null without the key or an earlier case.
    /// </summary>
    private static long?[][] Gaps(List<Complaint> cases)
    {
        var keys = new string?[3][];
        for (var k = 0; k < 3; k++)
        {
            keys[k] = new string?[cases.Count];
        }

        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var analysis = AnalysisColumns.Of(c);
            var pack = c.Policy.Id + "\n";
            keys[0][i] = analysis.ComplainantKey is { } complainant ? pack + complainant : null;
            keys[1][i] = pack + analysis.SubjectKey;
            keys[2][i] = c.Findings is { Cause: not RootCause.Undetermined } found && c.Department is { } department ? pack + department.Value + "\n" + found.Cause : null;
        }

        var gaps = new long?[3][];
        for (var k = 0; k < 3; k++)
        {
            gaps[k] = new long?[cases.Count];
            foreach (var group in Enumerable.Range(0, cases.Count).Where(i => keys[k][i] is not null).GroupBy(i => keys[k][i]!, StringComparer.Ordinal))
            {
                long? previous = null, last = null;
                foreach (var i in group.OrderBy(i => cases[i].ReceivedAt.UtcTicks))
                {
                    var at = cases[i].ReceivedAt.UtcTicks;
                    if (last is { } l && at > l)
                    {
                        previous = l;
                    }

                    gaps[k][i] = at - previous;
                    last = at;
                }
            }
        }

        return gaps;
    }

    /// <summary>0 to <paramref name="n"/> − 1, the low values more often (a rough Pareto).</summary>
    private static int Skewed(Random r, int n) => (int)(n * Math.Pow(r.NextDouble(), 2));

    private static void Write(NpgsqlBinaryImporter import, (string Name, NpgsqlTypes.NpgsqlDbType Type)[] columns, object?[] values)
    {
        import.StartRow();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                import.WriteNull();
            }
            else
            {
                import.Write(values[i], columns[i].Type);
            }
        }
    }
}
