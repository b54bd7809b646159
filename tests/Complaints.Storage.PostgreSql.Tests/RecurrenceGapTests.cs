using Complaints.Analysis;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Storage.PostgreSql.Tests.Support;
using Complaints.Testing;

namespace Complaints.Storage.PostgreSql.Tests;

/// <summary>
/// The recurrence gaps the store keeps on each case row (the time since the latest earlier case with the same
/// complainant, subject, or department and cause, in the same pack) stay what the stored cases say they are, whatever the
/// order of the saves: an older case saved after a newer one, a cause recorded later, a department changed, cases
/// received at the same instant, bulk saves, and writers saving cases of the same key at once. Each test checks the
/// stored gaps against gaps computed here from the cases, and the report against the reference computation.
/// </summary>
[Collection(PostgreSqlTests.Collection)]
public sealed class RecurrenceGapTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PolicyRef Generic = new("generic", "1.0.0");
    private static readonly PolicyRef Hospital = new("hospital", "1.0.0");

    private readonly TestSchemas _schemas = new();
    private readonly Dictionary<ComplaintId, Complaint> _cases = [];
    private readonly Dictionary<ComplaintId, List<JournalEntry>> _journal = [];

    public ValueTask DisposeAsync() => _schemas.DisposeAsync();

    [Fact]
    public async Task OlderCaseSavedAfterANewerOne_BecomesThePreviousCaseOfTheNewerOne()
    {
        var store = await _schemas.NewStoreAsync();
        var newer = Case(Day0.AddDays(30), "C-1", "kettle");
        var newest = Case(Day0.AddDays(50), "C-1", "kettle");
        await InsertAsync(store, newer);
        await InsertAsync(store, newest);
        (await GapsAsync(store))[newer.Id].Should().Be((null, null, null), "nothing came before it yet");

        var older = Case(Day0, "C-1", "kettle");
        await InsertAsync(store, older);

        var gaps = await GapsAsync(store);
        gaps[older.Id].Should().Be((null, null, null));
        gaps[newer.Id].Should().Be((Days(30), Days(30), null), "the older case, imported later, is now its previous case");
        gaps[newest.Id].Should().Be((Days(20), Days(20), null), "its previous case is still the newer one");
        await ShouldMatchTheCasesAsync(store);
    }

    [Fact]
    public async Task CauseRecordedLater_GivesTheNextCaseOfThatCauseAndDepartmentItsGap_AndChangingItTakesItBack()
    {
        var store = await _schemas.NewStoreAsync();
        var first = Case(Day0, "C-1", "kettle", "ward-3");
        var second = Case(Day0.AddDays(10), "C-2", "toaster", "ward-3", RootCause.ProcessGap);
        await InsertAsync(store, first);
        await InsertAsync(store, second);
        (await GapsAsync(store))[second.Id].CauseGap.Should().BeNull("the first case has no findings yet");

        await UpdateAsync(store, _cases[first.Id] with { Findings = new Findings(FindingOutcome.Substantiated, RootCause.ProcessGap, "found") });
        (await GapsAsync(store))[second.Id].CauseGap.Should().Be(Days(10));
        await ShouldMatchTheCasesAsync(store);

        await UpdateAsync(store, _cases[first.Id] with { Findings = new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "revised") });
        (await GapsAsync(store))[second.Id].CauseGap.Should().BeNull("the first case's cause is another now");
        await ShouldMatchTheCasesAsync(store);
    }

    [Fact]
    public async Task DepartmentChanged_TheNextCasesOfTheOldAndTheNewDepartmentAreRecomputed()
    {
        var store = await _schemas.NewStoreAsync();
        var a1 = Case(Day0, "C-1", "p1", "ward-1", RootCause.StaffError);
        var moved = Case(Day0.AddDays(5), "C-2", "p2", "ward-1", RootCause.StaffError);
        var a2 = Case(Day0.AddDays(8), "C-3", "p3", "ward-1", RootCause.StaffError);
        var b1 = Case(Day0.AddDays(1), "C-4", "p4", "ward-2", RootCause.StaffError);
        var b2 = Case(Day0.AddDays(9), "C-5", "p5", "ward-2", RootCause.StaffError);
        foreach (var c in new[] { a1, moved, a2, b1, b2 })
        {
            await InsertAsync(store, c);
        }

        (await GapsAsync(store))[a2.Id].CauseGap.Should().Be(Days(3));
        (await GapsAsync(store))[b2.Id].CauseGap.Should().Be(Days(8));

        await UpdateAsync(store, _cases[moved.Id] with { Department = new DepartmentId("ward-2") });

        var gaps = await GapsAsync(store);
        gaps[a2.Id].CauseGap.Should().Be(Days(8), "in ward-1 its previous case is now the first one");
        gaps[moved.Id].CauseGap.Should().Be(Days(4), "in ward-2 its previous case is b1");
        gaps[b2.Id].CauseGap.Should().Be(Days(4), "in ward-2 the moved case now comes before it");
        await ShouldMatchTheCasesAsync(store);
    }

    [Fact]
    public async Task CasesReceivedAtTheSameInstant_AreNotEachOthersPreviousCase()
    {
        var store = await _schemas.NewStoreAsync();
        var before = Case(Day0, "C-1", "kettle");
        var twin1 = Case(Day0.AddDays(2), "C-1", "kettle");
        var twin2 = Case(Day0.AddDays(2), "C-1", "kettle");
        var after = Case(Day0.AddDays(3), "C-1", "kettle");
        await InsertAsync(store, twin1);
        await InsertAsync(store, after);
        await InsertAsync(store, twin2);
        await InsertAsync(store, before);

        var gaps = await GapsAsync(store);
        gaps[twin1.Id].ComplainantGap.Should().Be(Days(2));
        gaps[twin2.Id].ComplainantGap.Should().Be(Days(2));
        gaps[after.Id].ComplainantGap.Should().Be(Days(1));
        await ShouldMatchTheCasesAsync(store);
    }

    [Fact]
    public async Task RandomSavesAndBulkSavesInAnyOrder_KeepEveryGapAndTheReport()
    {
        var store = await _schemas.NewStoreAsync();
        var random = new Random(91);
        var cases = Enumerable.Range(0, 60).Select(_ => RandomCase(random)).ToList();

        // Half one at a time in random order, half in bulk saves of a few, also out of order.
        var shuffled = cases.OrderBy(_ => random.Next()).ToList();
        foreach (var c in shuffled.Take(30))
        {
            await InsertAsync(store, c);
        }

        foreach (var chunk in shuffled.Skip(30).Chunk(7))
        {
            await store.SaveManyAsync([.. chunk.Select(Insert)]);
        }

        await ShouldMatchTheCasesAsync(store);

        // Findings recorded and departments changed later, some alone, some in bulk (a case twice in one bulk save too).
        for (var round = 0; round < 3; round++)
        {
            var changed = _cases.Values.OrderBy(_ => random.Next()).Take(12).Select(c => Rekeyed(c, random)).ToList();
            foreach (var c in changed.Take(4))
            {
                await UpdateAsync(store, c);
            }

            var bulk = changed.Skip(4).Select(Update).ToList();
            var again = Rekeyed(_cases[changed[^1].Id], random);
            bulk.Add(Update(again));
            await store.SaveManyAsync(bulk);
            await ShouldMatchTheCasesAsync(store);
        }
    }

    [Fact]
    public async Task MigrationFill_GivesTheGapsAndDeadlineCountsTheSavesKept()
    {
        var store = await _schemas.NewStoreAsync();
        var random = new Random(5);
        foreach (var c in Enumerable.Range(0, 40).Select(_ => RandomCase(random)))
        {
            await InsertAsync(store, c);
        }

        foreach (var c in _cases.Values.Take(15).ToList())
        {
            await UpdateAsync(store, Rekeyed(c, random) with
            {
                State = random.Next(2) == 0 ? ComplaintState.Closed : ComplaintState.Investigating,
                Deadlines = [new Deadline(DeadlineKind.Acknowledge, c.ReceivedAt.AddDays(1), "ack", "default", random.Next(3) == 0 ? null : c.ReceivedAt.AddHours(random.Next(1, 48)))],
            });
        }

        var kept = $"SELECT string_agg(concat_ws(':', id, complainant_gap, subject_gap, cause_gap, deadline_kept::text), ',' ORDER BY id) FROM \"{store.Schema}\".complaints";
        var saved = (string?)await _schemas.ScalarAsync(kept);
        saved.Should().Contain("{1,0,0,").And.Contain("{0,1,0,", "some acknowledgements were met on time and some late");

        await _schemas.ScalarAsync($"UPDATE \"{store.Schema}\".complaints SET complainant_gap = NULL, subject_gap = NULL, cause_gap = NULL, deadline_kept = NULL");
        await _schemas.ScalarAsync(Internal.AnalysisSql.Backfill($"\"{store.Schema}\""));

        ((string?)await _schemas.ScalarAsync(kept)).Should().Be(saved);
    }

    [Fact]
    public async Task WritersSavingCasesOfTheSameKeysAtOnce_LeaveNoStaleGap()
    {
        var nodes = new List<PostgreSqlComplaintStore> { await _schemas.NewStoreAsync() };
        for (var i = 1; i < 4; i++)
        {
            nodes.Add(await _schemas.NewStoreAsync(nodes[0].Schema));
        }

        // Four nodes save at once (a barrier each round) cases of the same complainant, subject and cause received an
        // hour apart, in reverse order of receipt within the round; then each records findings on cases another inserted.
        const int Rounds = 8;
        var cases = Enumerable.Range(0, Rounds * nodes.Count)
            .Select(i => Case(Day0.AddHours(i), "C-1", "kettle", "ward-1", i % 4 == 0 ? RootCause.ProcessGap : null))
            .ToList();
        var inserts = cases.Select(Insert).ToList();
        var updates = cases.Where((_, i) => i % 4 != 0)
            .Select(c => Update(_cases[c.Id] with { Findings = new Findings(FindingOutcome.Substantiated, RootCause.ProcessGap, "found") }))
            .ToList();
        using var barrier = new Barrier(nodes.Count);
        await Task.WhenAll(nodes.Select((node, n) => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                barrier.SignalAndWait();
                await node.SaveAsync(inserts[(round * nodes.Count) + nodes.Count - 1 - n]);
            }

            for (var i = n; i < updates.Count; i += nodes.Count)
            {
                barrier.SignalAndWait();
                await node.SaveAsync(updates[i]);
            }
        })));

        await ShouldMatchTheCasesAsync(nodes[0]);
    }

    private static long Days(int days) => TimeSpan.FromDays(days).Ticks;

    private static Complaint Case(DateTimeOffset received, string customer, string product, string? department = null, RootCause? cause = null, PolicyRef? pack = null) =>
        A.Complaint().ReceivedAt(received).UnderPolicy(pack ?? Generic).From("Customer", customerId: customer).AboutProduct(product).Build() with
        {
            Version = 1,
            State = ComplaintState.Received,
            Department = department is null ? null : new DepartmentId(department),
            Findings = cause is { } found ? new Findings(FindingOutcome.Substantiated, found, "found") : null,
        };

    private static Complaint RandomCase(Random random) => Case(
        Day0.AddHours(random.Next(0, 40) * 12),
        $"C-{random.Next(5)}",
        $"p{random.Next(4)}",
        random.Next(6) == 0 ? null : $"ward-{random.Next(3)}",
        random.Next(3) == 0 ? null : (RootCause)random.Next(0, 4),
        random.Next(4) == 0 ? Hospital : Generic) with
    {
        Intake = random.Next(6) == 0 ? A.Complaint().Anonymous().Build().Intake : A.Complaint().From("Customer", customerId: $"C-{random.Next(5)}").AboutProduct($"p{random.Next(4)}").Build().Intake,
    };

    private static Complaint Rekeyed(Complaint c, Random random) => c with
    {
        Department = random.Next(5) == 0 ? null : new DepartmentId($"ward-{random.Next(3)}"),
        Findings = random.Next(4) == 0 ? null : new Findings(FindingOutcome.Substantiated, (RootCause)random.Next(0, 4), "revised"),
    };

    private CaseChange Insert(Complaint c)
    {
        _cases[c.Id] = c;
        var entry = new JournalEntry(c.Id, 1, c.ReceivedAt, A.Receiver(), ComplaintState.Received, ComplaintState.Received, new ComplaintReceived(c.Intake, c.Policy), Guid.NewGuid());
        _journal[c.Id] = [entry];
        return new CaseChange(c, [entry], 0);
    }

    private CaseChange Update(Complaint changed)
    {
        var expected = _cases[changed.Id].Version;
        var c = changed with { Version = expected + 1, UpdatedAt = changed.ReceivedAt.AddHours(expected) };
        _cases[c.Id] = c;
        var entry = new JournalEntry(c.Id, c.Version, c.UpdatedAt, A.Handler(), c.State, c.State, new InvestigationStarted(), Guid.NewGuid());
        _journal[c.Id].Add(entry);
        return new CaseChange(c, [entry], expected);
    }

    private Task InsertAsync(PostgreSqlComplaintStore store, Complaint c) => store.SaveAsync(Insert(c));

    private Task UpdateAsync(PostgreSqlComplaintStore store, Complaint changed) => store.SaveAsync(Update(changed));

    private async Task<Dictionary<ComplaintId, (long? ComplainantGap, long? SubjectGap, long? CauseGap)>> GapsAsync(PostgreSqlComplaintStore store)
    {
        var gaps = new Dictionary<ComplaintId, (long?, long?, long?)>();
        foreach (var row in await _schemas.ColumnAsync<string?[]>(
            $"SELECT ARRAY[id::text, complainant_gap::text, subject_gap::text, cause_gap::text] FROM \"{store.Schema}\".complaints"))
        {
            static long? Ticks(object? value) => value is string s ? long.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;
            gaps[new ComplaintId(Guid.Parse((string)row[0]!))] = (Ticks(row[1]), Ticks(row[2]), Ticks(row[3]));
        }

        return gaps;
    }

    /// <summary>The stored gaps are those of the cases as saved last, computed here; the report is the reference's.</summary>
    private async Task ShouldMatchTheCasesAsync(PostgreSqlComplaintStore store)
    {
        var cases = _cases.Values.ToList();
        string? Complainant(Complaint c) => AnalysisKeys.Complainant(c.Intake.Complainant) is { } key ? c.Policy.Id + "\n" + key : null;
        string? Subject(Complaint c) => c.Policy.Id + "\n" + AnalysisKeys.Subject(c.Intake.Subject);
        string? Cause(Complaint c) => c.Findings is { Cause: not RootCause.Undetermined } f && c.Department is { } d ? c.Policy.Id + "\n" + d.Value + "\n" + f.Cause : null;
        long? Gap(Complaint c, Func<Complaint, string?> key)
        {
            if (key(c) is not { } k)
            {
                return null;
            }

            var earlier = cases.Where(e => key(e) == k && e.ReceivedAt < c.ReceivedAt).Select(e => e.ReceivedAt.UtcTicks).ToList();
            return earlier.Count == 0 ? null : c.ReceivedAt.UtcTicks - earlier.Max();
        }

        var expected = cases.ToDictionary(c => c.Id, c => (Gap(c, Complainant), Gap(c, Subject), Gap(c, Cause)));
        (await GapsAsync(store)).Should().BeEquivalentTo(expected);

        var query = new AnalysisQuery { From = Day0.AddDays(-1), To = Day0.AddDays(60), AsOf = Day0.AddDays(60), RecurrenceDays = 7 };
        var reference = PeriodAnalysis.Compute(query, cases, id => _journal[id]);
        (await store.AnalyseAsync(query)).Should().BeEquivalentTo(reference, o => o.WithStrictOrdering());
    }
}
