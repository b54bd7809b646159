using System.Text.Json;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow.Import;
using Complaints.Workflow.InMemory;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Workflow.Tests.Import;

/// <summary>
/// The importer with a host's own mapping: rejected rows reported with line and column (never the complainant's identity),
/// an import resumed after a crash without duplicates, and an imported case's journal replaying to it.
/// </summary>
public sealed class ComplaintImporterTests
{
    private const string Header = "Ticket,Opened,Status,Customer,Email,Text,Closed";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly ImportMapping Crm = new()
    {
        Source = "crm",
        Policy = new PolicyRef("crm-2019", "1"),
        Key = ImportField.Text("Ticket"),
        ReceivedAt = ImportField.Date("Opened", ["dd.MM.yyyy HH:mm", "dd.MM.yyyy"], TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8")),
        State = ImportField.Map(new Dictionary<string, ComplaintState> { ["open"] = ComplaintState.Investigating, ["done"] = ComplaintState.Closed, ["refused"] = ComplaintState.Rejected }, "Status"),
        Channel = ImportField.Constant(Channel.Email),
        Subject = ImportField.Constant(new ComplaintSubject(SubjectKind.Service, "Delivery")),
        Description = ImportField.Text("Text"),
        Complainant = ImportField.Custom(
            row => row["Email"].Contains('@', StringComparison.Ordinal)
                ? new Complainant(row["Customer"], new ContactDetails(Email: row["Email"]))
                : throw new ImportRowException("Email", $"{row.Describe("Email")} is not an e-mail address"),
            "Customer",
            "Email"),
        IdentityColumns = ["Customer", "Email"],
        ClosedAt = ImportField.OptionalDate("Closed", ["dd.MM.yyyy"]),
        Outcome = ImportField.OptionalText("Text").Select(_ => (string?)null),
    };

    [Fact]
    public async Task Import_BadRows_EachRejectedWithTheLineItStartsOnAndTheColumn_TheOthersImported()
    {
        var csv = string.Join("\n",
            Header,
            "T1,01.02.2024 09:30,done,Li Wei,li@example.cn,\"Late parcel,\nsecond line of the text\",03.02.2024",
            "T2,2024-02-01,open,Wang Fang,wang@example.cn,Lost parcel,",
            "T3,02.02.2024,lost,Zhao Min,zhao@example.cn,Broken,",
            "T4,02.02.2024,open,Chen Jie,chen@example.cn,,",
            "T5,02.02.2024,open,Sun Li,sun@example.cn,too,many,fields",
            "T1,02.02.2024,open,Li Wei,li@example.cn,Again,",
            "T6,02.02.2024,done,Ma Lin,ma@example.cn,Fine,01.01.2024",
            "T7,02.02.2024,op\"en,Xu Yan,xu@example.cn,Quote,",
            "T8,05.02.2024,open,Hu Jun,hu@example.cn,Good row,");

        var (result, store) = await ImportAsync(csv, Crm);

        result.Should().BeEquivalentTo(new { Imported = 2, AlreadyPresent = 0, Rejected = 7, Rows = 9 });
        result.RejectedRows.Should().Equal(
            new RejectedRow(4, "Opened", "'2024-02-01' is not a date in the format dd.MM.yyyy HH:mm, dd.MM.yyyy"),
            new RejectedRow(5, "Status", "'lost' is not one of the values the mapping knows ('open', 'done', 'refused')"),
            new RejectedRow(6, "Text", "is empty; a value is required"),
            new RejectedRow(7, null, "the row has 8 fields where the header has 7"),
            new RejectedRow(8, "Ticket", "repeats the key of line 2; the row is not imported twice"),
            new RejectedRow(9, "Closed", "is before the complaint was received"),
            new RejectedRow(10, null, "the row is malformed (line 10: a quote inside unquoted field 3; quote the whole field and double the quote)"));
        var t1 = (await store.LoadAsync(ComplaintImporter.IdFor("crm", "T1")))!;
        t1.ReceivedAt.Should().Be(new DateTimeOffset(2024, 2, 1, 9, 30, 0, TimeSpan.FromHours(8)), "times are read in the zone the mapping names");
        t1.ClosedAt.Should().Be(new DateTimeOffset(2024, 2, 3, 0, 0, 0, TimeSpan.Zero), "a date without a zone named is UTC");
        t1.Intake.Complainant.Should().Be(new Complainant("Li Wei", new ContactDetails(Email: "li@example.cn")));
        (await store.LoadAsync(ComplaintImporter.IdFor("crm", "T8")))!.State.Should().Be(ComplaintState.Investigating);
    }

    [Fact]
    public async Task Import_BadValueInAnIdentityColumn_ReasonNamesTheColumnNotTheValue()
    {
        var (result, _) = await ImportAsync(Header + "\nT1,01.02.2024,open,Li Wei,li-at-example.cn,Late parcel,\n", Crm);

        var rejected = result.RejectedRows.Should().ContainSingle().Which;
        rejected.Should().Be(new RejectedRow(2, "Email", "the value is not an e-mail address"));
        rejected.ToString().Should().NotContain("li-at-example").And.NotContain("Li Wei");
    }

    [Fact]
    public async Task Import_AfterACrashHalfWay_RunAgain_EveryRowStoredExactlyOnce()
    {
        var csv = Rows(10);
        var store = new InMemoryComplaintStore();
        var crashing = new CrashingStore(store, savesBeforeCrash: 4);

        var first = () => new ComplaintImporter(crashing, new FakeTimeProvider(Now)).ImportAsync(new StringReader(csv), Crm);
        await first.Should().ThrowAsync<IOException>();
        (await CfpbImportTests.AllAsync(store)).Should().HaveCount(4);

        var again = await new ComplaintImporter(store, new FakeTimeProvider(Now.AddHours(1))).ImportAsync(new StringReader(csv), Crm);

        again.Should().BeEquivalentTo(new { Imported = 6, AlreadyPresent = 4, Rejected = 0 });
        await EveryRowOnceAsync(store, 10);
    }

    [Fact]
    public async Task Import_CancelledAfterTheFirstBatch_RunAgain_EveryRowStoredExactlyOnce()
    {
        var csv = Rows(10);
        var store = new InMemoryComplaintStore();
        using var cancel = new CancellationTokenSource();
        var importer = new ComplaintImporter(store, new FakeTimeProvider(Now), new ComplaintImportOptions { BatchSize = 3 });

        var first = () => importer.ImportAsync(new StringReader(csv), Crm, new SyncProgress(_ => cancel.Cancel()), cancel.Token);
        await first.Should().ThrowAsync<OperationCanceledException>();
        (await CfpbImportTests.AllAsync(store)).Should().HaveCount(3, "the first batch was written in one save");

        // A batch that straddles the crash: its first rows are present, so it is saved case by case.
        var again = await new ComplaintImporter(store, new FakeTimeProvider(Now), new ComplaintImportOptions { BatchSize = 4 }).ImportAsync(new StringReader(csv), Crm);

        again.Should().BeEquivalentTo(new { Imported = 7, AlreadyPresent = 3, Rejected = 0 });
        await EveryRowOnceAsync(store, 10);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondRunFindsEveryCasePresentAndChangesNothing()
    {
        var store = new InMemoryComplaintStore();
        await new ComplaintImporter(store, new FakeTimeProvider(Now)).ImportAsync(new StringReader(Rows(5)), Crm);
        var before = Json(await CfpbImportTests.AllAsync(store));

        var again = await new ComplaintImporter(store, new FakeTimeProvider(Now.AddDays(1))).ImportAsync(new StringReader(Rows(5)), Crm);

        again.Should().BeEquivalentTo(new { Imported = 0, AlreadyPresent = 5, Rejected = 0 });
        Json(await CfpbImportTests.AllAsync(store)).Should().Be(before);
    }

    [Fact]
    public async Task Import_ImportedCasesJournal_IsOneImportEntryThatReplaysToTheStoredCase()
    {
        var csv = CfpbImportTests.Header2015 + "\n1,1290580,Mortgage,Conventional fixed mortgage,Loan servicing,,CA,95003,1/2/2015,1/5/2015,Closed with monetary relief,Yes,Yes\n";
        var (_, store) = await ImportAsync(csv, CfpbImport.Mapping);
        var id = ComplaintImporter.IdFor("cfpb", "1290580");

        var journal = await store.ReadJournalAsync(id);

        var entry = journal.Should().ContainSingle().Which;
        entry.Should().Match<JournalEntry>(e => e.Sequence == 1 && e.At == Now && e.From == ComplaintState.Closed && e.To == ComplaintState.Closed && e.Actor.Id == new ActorId("cfpb-import"));
        entry.Event.Should().BeOfType<ComplaintImported>().Which.Should().Match<ComplaintImported>(e => e.Source == "cfpb" && e.SourceKey == "1290580");
        var roundTripped = JsonSerializer.Deserialize<JournalEntry>(JsonSerializer.Serialize(entry, ComplaintsJson.Options), ComplaintsJson.Options)!;
        Json(ComplaintReplay.Replay([roundTripped])).Should().Be(Json(await store.LoadAsync(id)));
    }

    [Fact]
    public async Task Journal_ForAReaderWhoMayNotSeeTheIdentity_WithholdsTheImportedComplainant()
    {
        var (_, store) = await ImportAsync(Header + "\nT1,01.02.2024,open,Li Wei,li@example.cn,Late parcel,\n", Crm);
        var id = ComplaintImporter.IdFor("crm", "T1");
        var complaint = (await store.LoadAsync(id))!;

        var shown = new Access.CaseView(false, Policy.ConfidentialParts.None).Apply(complaint, await store.ReadJournalAsync(id));

        shown.Single().Event.Should().BeOfType<ComplaintImported>().Which.Case.Intake.Complainant.Should().Be(Complainant.Redacted);
        Json(shown).Should().NotContain("Li Wei").And.NotContain("li@example.cn");
    }

    [Fact]
    public void Apply_AnImportAfterTheFirstEntry_IsRefused()
    {
        var first = new JournalEntry(ComplaintId.New(Now), 1, Now, new Actor(new ActorId("import"), "Import", []), ComplaintState.Closed, ComplaintState.Closed,
            new ComplaintImported("crm", "T1", new ImportedCase(new ComplaintIntake(ComplaintKind.Complaint, Channel.Email, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Service, "Delivery"), "Late."), new PolicyRef("crm", "1"), Now.AddYears(-1))),
            Guid.NewGuid());
        var c = ComplaintReplay.Apply(null, first);

        var act = () => ComplaintReplay.Apply(c, first with { Sequence = 2 });

        act.Should().Throw<ArgumentException>().WithMessage("*an import is only ever a case's first entry*");
    }

    [Fact]
    public async Task Import_MoreRejectsThanKept_AllCountedTheFirstListed()
    {
        var csv = Header + "\n" + string.Concat(Enumerable.Range(1, 5).Select(i => $"T{i},bad,open,C,c@example.cn,Text,\n"));
        var importer = new ComplaintImporter(new InMemoryComplaintStore(), new FakeTimeProvider(Now), new ComplaintImportOptions { MaxRejectedRowsKept = 2 });

        var result = await importer.ImportAsync(new StringReader(csv), Crm);

        result.Rejected.Should().Be(5);
        result.RejectedRows.Select(r => r.Line).Should().Equal(2, 3);
    }

    [Fact]
    public void New_BatchSizeBelowOne_IsRefusedNamingTheOption()
    {
        var act = () => new ComplaintImporter(new InMemoryComplaintStore(), new FakeTimeProvider(Now), new ComplaintImportOptions { BatchSize = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options.BatchSize");
    }

    [Fact]
    public void IdFor_SameSourceAndKey_SameNameBasedId_OtherwiseDifferent()
    {
        var id = ComplaintImporter.IdFor("cfpb", "1290580");

        id.Should().Be(ComplaintImporter.IdFor("cfpb", "1290580"));
        id.Value.Version.Should().Be(5, "a name-based (SHA-1) UUID");
        id.Should().NotBe(ComplaintImporter.IdFor("cfpb", "1290581")).And.NotBe(ComplaintImporter.IdFor("crm", "1290580"));
        ComplaintImporter.IdFor("a\nb", "c").Should().NotBe(ComplaintImporter.IdFor("a", "b\nc"), "no two source and key pairs share a name");
    }

    private static string Rows(int count) =>
        Header + "\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"T{i},{i:00}.01.2024,done,Customer {i},c{i}@example.cn,Complaint number {i},{i + 1:00}.01.2024\n"));

    private static async Task EveryRowOnceAsync(InMemoryComplaintStore store, int rows)
    {
        var cases = await CfpbImportTests.AllAsync(store);
        cases.Select(c => c.Id).Should().BeEquivalentTo(Enumerable.Range(1, rows).Select(i => ComplaintImporter.IdFor("crm", $"T{i}")));
        foreach (var c in cases)
        {
            (await store.ReadJournalAsync(c.Id)).Should().ContainSingle();
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ComplaintsJson.Options);

    private static async Task<(ImportResult, InMemoryComplaintStore)> ImportAsync(string csv, ImportMapping mapping)
    {
        var store = new InMemoryComplaintStore();
        var result = await new ComplaintImporter(store, new FakeTimeProvider(Now)).ImportAsync(new StringReader(csv), mapping, cancellationToken: TestContext.Current.CancellationToken);
        return (result, store);
    }

    /// <summary>Reports on the importer's own thread (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class SyncProgress(Action<ImportResult> report) : IProgress<ImportResult>
    {
        public void Report(ImportResult value) => report(value);
    }

    /// <summary>A store (without bulk saves) whose disk fails after a number of saves, as a crash would stop an import.</summary>
    private sealed class CrashingStore(IComplaintStore inner, int savesBeforeCrash) : IComplaintStore
    {
        private int _saves;

        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default) =>
            ++_saves > savesBeforeCrash ? throw new IOException("The disk went away.") : inner.SaveAsync(change, cancellationToken);

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => inner.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => inner.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => inner.CountAsync(query, cancellationToken);
    }
}
