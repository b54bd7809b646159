using System.Globalization;
using Complaints.Analysis;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Storage.Sqlite;
using Complaints.Testing;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite store's period analysis, computed in the database, equals the reference computation
/// (<see cref="PeriodAnalysis.Compute"/>) over the same cases and journals: on random cases, under every filter, after
/// migrating an older file, and reading only the covering index.
/// </summary>
public sealed class SqliteAnalysisTests(SqliteAnalysisTests.RandomCases random) : IDisposable, IClassFixture<SqliteAnalysisTests.RandomCases>
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PolicyRef Generic = new("generic", "1.0.0");
    private static readonly PolicyRef Hospital = new("hospital", "1.2.0");
    private static readonly PolicyExplanation Explained = new(Generic, []);

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>400 random cases in one file, shared by the read-only comparisons.</summary>
    public sealed class RandomCases : IAsyncLifetime
    {
        private readonly TempDatabase _database = new();

        public SqliteComplaintStore Store { get; private set; } = null!;

        public List<Complaint> Cases { get; private set; } = null!;

        public Dictionary<ComplaintId, IReadOnlyList<JournalEntry>> Journals { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Store = _database.Store();
            (Cases, Journals) = await SeedAsync(Store, seed: 17, count: 400);
        }

        public ValueTask DisposeAsync()
        {
            _database.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    public static TheoryData<string> Queries => [.. QueryByName.Keys];

    private static readonly Dictionary<string, AnalysisQuery> QueryByName = new()
    {
        ["march"] = new AnalysisQuery { From = March, To = April, AsOf = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero) },
        ["hospital"] = new AnalysisQuery { From = March, To = April, AsOf = April, Pack = "hospital" },
        ["department"] = new AnalysisQuery { From = March, To = April, AsOf = April, Department = new DepartmentId("after-sales") },
        ["category"] = new AnalysisQuery { From = March, To = April, AsOf = April, Category = "billing" },
        ["severity"] = new AnalysisQuery { From = March, To = April, AsOf = April, Severity = Severity.Serious },
        ["channel"] = new AnalysisQuery { From = March, To = April, AsOf = April, Channel = Channel.Email },
        ["days-in-china"] = new AnalysisQuery
        {
            From = March.AddHours(-8), To = April.AddHours(-8), AsOf = March.AddDays(10), Interval = TrendInterval.Day, Offset = TimeSpan.FromHours(8), RecurrenceDays = 30,
        },
        ["months"] = new AnalysisQuery { From = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), AsOf = April, Interval = TrendInterval.Month, RecurrenceDays = 7 },
        ["empty"] = new AnalysisQuery { From = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2030, 1, 8, 0, 0, 0, TimeSpan.Zero), AsOf = April },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Analyse_RandomCases_EqualsTheReferenceComputation(string name)
    {
        var query = QueryByName[name];

        var figures = await random.Store.AnalyseAsync(query);

        var expected = PeriodAnalysis.Compute(query, random.Cases, id => random.Journals[id]);
        figures.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        if (name == "march")
        {
            figures.Received.Should().BeGreaterThan(50, "the fixture must exercise the figures");
            figures.Recurrence.SameComplainant.Should().BePositive();
            figures.Recurrence.SameCause.Should().BePositive();
            figures.Sanctions.Should().NotBeEmpty();
            figures.Remedies.SelectMany(r => r.Totals).Should().NotBeEmpty();
        }
    }

    [Fact]
    public async Task Analyse_RemedyAmountsTooFineOrLargeForMicroUnits_AreSummedExactly()
    {
        var store = _database.Store();
        var amounts = new[] { 0.1234567m, 1_000_000_000_000.5m, 2.5m, 0.0000001m, 10m };
        var cases = new List<Complaint>();
        foreach (var amount in amounts)
        {
            var c = A.Complaint().ReceivedAt(March.AddDays(1)).WithRemedy(A.Remedy(RemedyKind.Compensation, amount)).Build() with { Version = 1 };
            await store.SaveAsync(new CaseChange(c, [Entry(c, 1, new ComplaintReceived(c.Intake, c.Policy))], 0));
            cases.Add(c);
        }

        var figures = await store.AnalyseAsync(new AnalysisQuery { From = March, To = April, AsOf = April });

        figures.Remedies.Should().ContainSingle().Which.Totals.Should().Equal(new Money(1_000_000_000_013.1234568m, "CNY"));
        figures.Remedies[0].Totals[0].Amount.ToString(CultureInfo.InvariantCulture).Should().Be("1000000000013.1234568", "the sum keeps the scale a decimal sum has");
    }

    [Fact]
    public async Task Analyse_InvalidQuery_IsRefusedNamingTheField()
    {
        var store = _database.Store();

        var analyse = () => store.AnalyseAsync(new AnalysisQuery { From = April, To = March, AsOf = April });

        (await analyse.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().Contain(e => e.Field == "AnalysisQuery.To");
    }

    [Fact]
    public async Task FirstUse_VersionSevenFileWithCases_IsBackfilledAndAnalysesAsAFreshFile()
    {
        // The same cases in a fresh file and in one taken back to version 7 (no analysis columns), then migrated.
        var fresh = _database.Store();
        var (cases, journals) = await SeedAsync(fresh, seed: 5, count: 150);
        var path = _database.NewPath();
        var older = _database.Store(path);
        await SeedAsync(older, seed: 5, count: 150);
        older.Dispose();
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SchemaTests.UndoStepEight;
            command.ExecuteNonQuery();
        }

        var migrated = _database.Store(path);
        var query = QueryByName["march"];

        var figures = await migrated.AnalyseAsync(query);

        figures.Should().BeEquivalentTo(await fresh.AnalyseAsync(query), o => o.WithStrictOrdering());
        figures.Should().BeEquivalentTo(PeriodAnalysis.Compute(query, cases, id => journals[id]), o => o.WithStrictOrdering());
        figures.Rewards.Decided.Should().BePositive("the rewards were filled from the journal");
        _database.Execute(migrated, "UPDATE complaints SET version = version WHERE received_ticks IS NULL;").Should().Be(0, "every row was filled");
    }

    [Fact]
    public async Task Analyse_MoreDeadlinesOfAKindThanTheRowHolds_ReadsThemFromTheDeadlinesTable()
    {
        // The row keeps at most 15 deadlines of a kind kept one way; a case with 20 met on time is counted from its rows.
        var store = _database.Store();
        var due = March.AddDays(3);
        Deadline Acknowledge(DateTimeOffset? met) => new(DeadlineKind.Acknowledge, due, "rule-acknowledge", "cn", met);
        var c = A.Complaint().ReceivedAt(March.AddDays(1)).InState(ComplaintState.Closed).Build() with
        {
            Version = 1,
            ClosedAt = March.AddDays(5),
            Deadlines = [.. Enumerable.Repeat(Acknowledge(due), 20), .. Enumerable.Repeat(Acknowledge(due.AddHours(1)), 3), Acknowledge(null), Acknowledge(null)],
        };
        var journal = new[] { Entry(c, 1, new ComplaintReceived(c.Intake, c.Policy)) };
        await store.SaveAsync(new CaseChange(c, journal, 0));
        var query = new AnalysisQuery { From = March, To = April, AsOf = April };

        var figures = await store.AnalyseAsync(query);

        figures.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge).Should().Be(new DeadlineFigures(DeadlineKind.Acknowledge, 20, 3, 0, 0, 2));
        figures.Should().BeEquivalentTo(PeriodAnalysis.Compute(query, [c], _ => journal), o => o.WithStrictOrdering());
        _database.Execute(store, "UPDATE complaints SET version = version WHERE deadlines_kept IS NULL;").Should().Be(1, "twenty of a kind do not fit the row");
    }

    [Fact]
    public async Task Analyse_CountsPackedThreeToASum_EqualOneCountToASum()
    {
        // The department pass packs three counts into one sum (21 bits each); unpacked it must count the same.
        var store = _database.Store();
        var (cases, journals) = await SeedAsync(store, seed: 3, count: 200);
        using var unpacked = new SqliteComplaintStore($"Data Source={_database.PathOf(store)}") { CountsPerSum = 1 };

        foreach (var (name, query) in QueryByName)
        {
            var packed = await store.AnalyseAsync(query);
            packed.Should().BeEquivalentTo(await unpacked.AnalyseAsync(query), o => o.WithStrictOrdering(), "query {0}", name);
            packed.Should().BeEquivalentTo(PeriodAnalysis.Compute(query, cases, id => journals[id]), o => o.WithStrictOrdering(), "query {0}", name);
        }
    }

    [Fact]
    public async Task FirstUse_VersionNineFile_FillsTheGapsAndDeadlineCountsAsSavesKeepThem()
    {
        // The same cases saved out of receipt order into a fresh file (gaps kept save by save) and into one taken back
        // to version 9 (no gap or deadline columns), then migrated (filled in one pass): the columns must agree.
        var fresh = _database.Store();
        var (cases, journals) = await SeedAsync(fresh, seed: 9, count: 200);
        var path = _database.NewPath();
        var older = _database.Store(path);
        await SeedAsync(older, seed: 9, count: 200);
        older.Dispose();
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SchemaTests.UndoStepEleven;
            command.ExecuteNonQuery();
        }

        var migrated = _database.Store(path);
        var query = QueryByName["march"];

        var figures = await migrated.AnalyseAsync(query);

        Columns(migrated).Should().Equal(Columns(fresh));
        figures.Should().BeEquivalentTo(PeriodAnalysis.Compute(query, cases, id => journals[id]), o => o.WithStrictOrdering());
        figures.Recurrence.SameSubject.Should().BePositive();
    }

    private List<string> Columns(SqliteComplaintStore store)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={_database.PathOf(store)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT received_ticks || '|' || ifnull(deadlines_kept, '-') || '|' || ifnull(gap_complainant, '') || '|' || ifnull(gap_subject, '') || '|' || ifnull(gap_cause, '') FROM complaints ORDER BY 1;";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [Fact]
    public async Task Analyse_ReadsTheCohortFromTheCoveringIndexAndKeepsNoIdentityInClear()
    {
        var store = _database.Store();
        var c = A.Complaint().From("Li Na", new ContactDetails(Email: "li.na@example.cn"), customerId: "C-42").ReceivedAt(March).Build() with { Version = 1 };
        await store.SaveAsync(new CaseChange(c, [Entry(c, 1, new ComplaintReceived(c.Intake, c.Policy))], 0));

        using var connection = new SqliteConnection($"Data Source={_database.PathOf(store)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT complainant_key FROM complaints;";
        var key = (string)command.ExecuteScalar()!;
        key.Should().Be(AnalysisKeys.Complainant(c.Intake.Complainant)).And.NotContain("C-42").And.NotContain("li.na");
        command.CommandText = """
            EXPLAIN QUERY PLAN SELECT c.department, c.state, COUNT(*) FROM complaints AS c INDEXED BY ix_complaints_analysis
            WHERE c.received_ticks >= 0 AND c.received_ticks < 1 AND c.channel = 'email' GROUP BY 1, 2;
            """;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        string.Join("\n", plan).Should().Contain("COVERING INDEX ix_complaints_analysis (received_ticks>? AND received_ticks<?)");
    }

    private static JournalEntry Entry(Complaint c, long sequence, ComplaintEvent @event) =>
        new(c.Id, sequence, c.ReceivedAt, A.Coordinator(), c.State, c.State, @event, Guid.NewGuid());

    /// <summary>Random cases from January to May 2026 with everything the figures read, saved with their journals.</summary>
    private static async Task<(List<Complaint> Cases, Dictionary<ComplaintId, IReadOnlyList<JournalEntry>> Journals)> SeedAsync(SqliteComplaintStore store, int seed, int count)
    {
        var random = new Random(seed);
        T Pick<T>(params T[] values) => values[random.Next(values.Length)];
        var cases = new List<Complaint>();
        var journals = new Dictionary<ComplaintId, IReadOnlyList<JournalEntry>>();
        var changes = new List<CaseChange>();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var received = start + TimeSpan.FromMinutes(random.Next(150 * 24 * 60));
            if (i % 25 == 0 && cases.Count > 0)
            {
                received = cases[^1].ReceivedAt; // ties: an equal receipt is not an earlier case
            }

            var builder = A.Complaint().ReceivedAt(received).UnderPolicy(Pick(Generic, Generic, Hospital)).Via(Pick(Enum.GetValues<Channel>()));
            builder = random.Next(5) switch
            {
                0 => builder.Anonymous(),
                1 => builder.From("Wang Fang", new ContactDetails(Email: Pick("wang@example.cn", " WANG@example.cn ", "zhao@example.cn"))),
                2 => builder.From("Zhao Lei", new ContactDetails(Phone: Pick("+86 138 0000 1111", "138-0000-1111", "12"))),
                _ => builder.From("Zhang Wei", customerId: Pick("C-1", "C-2", "C-3", "C-4", " C-1")),
            };
            builder = random.Next(3) switch
            {
                0 => builder.AboutProduct(Pick("Brake pads", "brake pads ", "Tyres")),
                1 => builder.AboutService(Pick("Delivery", "Billing")),
                _ => builder.AboutStaff(Pick("staff-1", "staff-2")),
            };
            var state = Pick(Enum.GetValues<ComplaintState>());
            builder = builder.InState(state);
            if (random.Next(4) > 0)
            {
                builder = builder.Classified(Pick("billing", "delivery", "product-quality"), Pick(Enum.GetValues<Severity>()));
            }

            if (random.Next(5) > 0)
            {
                builder = builder.RoutedTo(Pick("after-sales", "logistics", "billing-desk"));
            }

            if (random.Next(2) == 0)
            {
                builder = builder.WithFindings(Pick(Enum.GetValues<FindingOutcome>()), Pick(Enum.GetValues<RootCause>()));
            }

            if (random.Next(2) == 0)
            {
                builder = builder.WithRemedy(A.Remedy(
                    Pick(Enum.GetValues<RemedyKind>()), random.Next(3) == 0 ? null : Math.Round((decimal)random.NextDouble() * 1000, random.Next(4)), Pick("CNY", "CNY", "USD")));
            }

            var c = builder.Build();
            var deadlines = Enumerable.Range(0, random.Next(4)).Select(_ =>
            {
                var due = received + TimeSpan.FromHours(random.Next(1, 400));
                DateTimeOffset? met = random.Next(3) switch
                {
                    0 => null,
                    1 => due - TimeSpan.FromHours(random.Next(0, 48)),
                    _ => due + TimeSpan.FromTicks(random.Next(1, 1000)),
                };
                return new Deadline(Pick(Enum.GetValues<DeadlineKind>()), due, "rule", "cn", met is { } m && m < received ? received : met);
            }).ToArray();
            var followAt = received + TimeSpan.FromDays(random.Next(1, 20));
            var followUps = Enumerable.Range(0, random.Next(3))
                .Select(_ => new FollowUpContact(random.Next(2) == 0 ? followAt : followAt + TimeSpan.FromDays(1), new ActorId("desk"), Pick(Enum.GetValues<Satisfaction>()), null))
                .ToArray();
            c = c with
            {
                Deadlines = deadlines,
                FollowUps = followUps,
                EscalationLevel = Pick(0, 0, 1, 2),
                ClosedAt = c.IsFinal || random.Next(10) == 0 ? received + TimeSpan.FromTicks(random.NextInt64(TimeSpan.TicksPerDay * 60)) : null,
            };

            var events = new List<ComplaintEvent> { new ComplaintReceived(c.Intake, c.Policy) };
            for (var e = random.Next(3); e > 0; e--)
            {
                events.Add(random.Next(2) == 0
                    ? new ComplaintClosed("Closed.", random.Next(3) == 0 ? null : new RewardDecision(random.Next(2) == 0, RewardBasis.Fine, 10, 20, null, null, false, Explained))
                    : new AccountabilityAssessed(
                        new ActorId(Pick("fitter-1", "fitter-2")),
                        Pick(Misconduct.LateHandling, Misconduct.Obstruction),
                        new PenaltyDecision(
                            [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => new Sanction(
                                Pick(Enum.GetValues<SanctionKind>()), random.Next(2) == 0 ? new Money(random.Next(1, 500) + 0.25m, "CNY") : null, "rule"))],
                            Explained))
                    {
                        AwaitingConfirmationBy = random.Next(3) == 0 ? "director" : null,
                    });
            }

            c = c with { Version = events.Count };
            var entries = events.Select((e, n) => Entry(c, n + 1, e)).ToArray();

            // Saved as the workflow saves: the receipt first, then the rest, so the reward column follows later saves.
            changes.Add(new CaseChange(c with { Version = 1 }, entries[..1], 0));
            if (entries.Length > 1)
            {
                changes.Add(new CaseChange(c, entries[1..], 1));
            }

            cases.Add(c);
            journals[c.Id] = entries;
        }

        // Through the rows a save writes, in one unsynced transaction: a durable save per case would make the test slow.
        await store.SaveManyUnsyncedAsync(changes);
        return (cases, journals);
    }
}
