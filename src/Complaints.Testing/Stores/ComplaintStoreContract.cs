using Complaints.Commands;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>
/// The store contract: what every <see cref="IComplaintStore"/> (with its <see cref="IDeadlineStore"/>,
/// <see cref="Notifications.IOutboxStore"/> and <see cref="IAuditLog"/>) must do, as xunit v3 tests checked against the
/// reference semantics: <see cref="ComplaintQuery.Matches"/>, <see cref="ComplaintCountQuery.CountIn"/>,
/// <see cref="DeadlineAlarms.Due(Complaint, DateTimeOffset)"/> and <see cref="AuditQuery.Matches"/>. The built-in stores
/// (in memory, SQLite, PostgreSQL) all pass it.
/// </summary>
/// <remarks>
/// To run it against your own store, derive a class from it in an xunit v3 test project that references
/// Complaints.Testing, and override <see cref="CreateEmptyStoreAsync"/> to return a new, empty store (the test class
/// disposes of what it made, e.g. in <see cref="IDisposable.Dispose"/>). A store that keeps JSON also overrides
/// <see cref="DamageStoredCaseAsync"/>, <see cref="DamageStoredNotificationAsync"/> and
/// <see cref="FindUnreadableCasesAsync"/>, so the availability tests run; otherwise they are skipped. Every test drives
/// a real <see cref="ComplaintService"/> over the store (see <see cref="StoreHarness"/>) or saves a
/// <see cref="CaseChange"/> directly.
/// </remarks>
public abstract partial class ComplaintStoreContract
{
    /// <summary>A new store with no case in it; the test class disposes what it made when the test ends.</summary>
    protected abstract Task<IComplaintStore> CreateEmptyStoreAsync();

    private async Task<StoreHarness> NewHarness(DateTimeOffset? start = null) => new(await CreateEmptyStoreAsync(), start);

    // ---- Save and load ------------------------------------------------------------------------------------------

    /// <summary>Load, unknown case: is null and its journal is empty.</summary>
    [Fact]
    public async Task Load_UnknownCase_IsNullAndItsJournalIsEmpty()
    {
        var store = await CreateEmptyStoreAsync();
        var id = ComplaintId.New(StoreHarness.Start);

        (await store.LoadAsync(id)).Should().BeNull();
        (await store.ReadJournalAsync(id)).Should().BeEmpty();
        (await store.QueryAsync(new ComplaintQuery())).Should().BeEmpty();
        (await store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State))).Should().BeEmpty();
    }

    /// <summary>Save and load, case driven through every part: round trips byte for byte.</summary>
    [Fact]
    public async Task SaveAndLoad_CaseDrivenThroughEveryPart_RoundTripsByteForByte()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(
            ComplaintState.Closed,
            A.Complaint().Via(Channel.Phone).From("刘洋", new ContactDetails(Phone: "+86 138 0000 0000", Email: "liu@example.cn"))
                .Described("配送晚了三天，\"quoted\" price ignored; emoji 🙂 and a tab\tend.").Claiming(60_000).Flagged(ComplaintFlags.SafetyRisk)
                .WithEvidence("photo-1.jpg", "The parcel").WithAttribute("order", "A-1"),
            remedy: A.Remedy(RemedyKind.Compensation, 6_000));
        await h.DoAsync(id, StoreHarness.Coordinator, new Reopen("The customer called again."));

        var stored = await h.StoredAsync(id);

        stored.Version.Should().BeGreaterThan(10);
        stored.Deadlines.Should().NotBeEmpty();
        stored.Approvals.Should().NotBeEmpty();
        StoreHarness.Json(stored).Should().Be(StoreHarness.Json(ComplaintReplay.Replay(await h.JournalAsync(id))));
        var second = await h.StoredAsync(id);
        StoreHarness.Json(second).Should().Be(StoreHarness.Json(stored));
    }

    /// <summary>Save and load, hand written case with offsets and unicode: comes back as saved.</summary>
    [Fact]
    public async Task SaveAndLoad_HandWrittenCaseWithOffsetsAndUnicode_ComesBackAsSaved()
    {
        var store = await CreateEmptyStoreAsync();
        var at = new DateTimeOffset(2026, 3, 2, 17, 30, 0, 123, TimeSpan.FromHours(8)).AddTicks(4567);
        var (complaint, entries) = HandWritten(at);

        await store.SaveAsync(new CaseChange(complaint, entries, 0));

        StoreHarness.Json(await store.LoadAsync(complaint.Id)).Should().Be(StoreHarness.Json(complaint));
        var journal = await store.ReadJournalAsync(complaint.Id);
        journal.Select(StoreHarness.Json).Should().Equal(entries.Select(StoreHarness.Json));
        journal[0].At.Offset.Should().Be(TimeSpan.FromHours(8));
    }

    // ---- Journal ------------------------------------------------------------------------------------------------

    /// <summary>Journal, of every case: is in order without gaps and replays to the stored case.</summary>
    [Fact]
    public async Task Journal_OfEveryCase_IsInOrderWithoutGapsAndReplaysToTheStoredCase()
    {
        var h = await NewHarness();
        var ids = await SeedVariedCases(h);

        foreach (var id in ids)
        {
            var journal = await h.JournalAsync(id);
            var stored = await h.StoredAsync(id);
            journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), "case {0}'s journal has no gap", id);
            journal.Should().OnlyContain(e => e.ComplaintId == id);
            stored.Version.Should().Be(journal.Count);
            StoreHarness.Json(ComplaintReplay.Replay(journal)).Should().Be(StoreHarness.Json(stored));
        }
    }

    /// <summary>Save, several entries in one command: are all appended in order.</summary>
    [Fact]
    public async Task Save_SeveralEntriesInOneCommand_AreAllAppendedInOrder()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Investigating);
        var before = (await h.JournalAsync(id)).Count;

        var entries = (await h.Service.ExecuteAsync(id, StoreHarness.Handler, new AddEvidence(new EvidenceReference("receipt.pdf")))).Entries;

        var journal = await h.JournalAsync(id);
        journal.Should().HaveCount(before + entries.Count);
        journal.Skip(before).Select(StoreHarness.Json).Should().Equal(entries.Select(StoreHarness.Json));
    }

    // ---- Optimistic concurrency ---------------------------------------------------------------------------------

    /// <summary>Save, stale expected version: throws concurrency and writes nothing.</summary>
    [Fact]
    public async Task Save_StaleExpectedVersion_ThrowsConcurrencyAndWritesNothing()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Triaged);
        var seen = await h.StoredAsync(id);
        await h.DoAsync(id, StoreHarness.Coordinator, new Escalate("Called again."));
        var before = StoreHarness.Json(await h.StoredAsync(id));
        var journalBefore = (await h.JournalAsync(id)).Select(StoreHarness.Json).ToArray();
        var countsBefore = await h.Store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State));
        var entry = new JournalEntry(id, seen.Version + 1, h.Time.GetUtcNow(), StoreHarness.Coordinator, ComplaintState.Triaged, ComplaintState.Withdrawn, new ComplaintWithdrawn("Stale."), Guid.NewGuid());
        var stale = ComplaintReplay.Apply(seen, entry);

        var act = () => h.Store.SaveAsync(new CaseChange(stale, [entry], seen.Version));

        var error = (await act.Should().ThrowAsync<ConcurrencyException>()).Which;
        error.ComplaintId.Should().Be(id);
        error.ExpectedVersion.Should().Be(seen.Version);
        error.ActualVersion.Should().Be(seen.Version + 1);
        StoreHarness.Json(await h.StoredAsync(id)).Should().Be(before);
        (await h.JournalAsync(id)).Select(StoreHarness.Json).Should().Equal(journalBefore);
        (await h.Store.QueryAsync(new ComplaintQuery { States = [ComplaintState.Withdrawn] })).Should().BeEmpty();
        (await h.Store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State))).Should().Equal(countsBefore);
    }

    /// <summary>Save, expected version ahead of the stored one: throws concurrency.</summary>
    [Fact]
    public async Task Save_ExpectedVersionAheadOfTheStoredOne_ThrowsConcurrency()
    {
        var h = await NewHarness();
        var id = await h.ReceiveAsync();
        var stored = await h.StoredAsync(id);
        var entries = new[] { 3L, 4L }.Select(s => new JournalEntry(id, s, h.Time.GetUtcNow(), StoreHarness.Coordinator, ComplaintState.Received, ComplaintState.Received, new ReadBackConfirmed(ReadBackMethod.Oral), Guid.NewGuid())).ToArray();

        var act = () => h.Store.SaveAsync(new CaseChange(stored with { Version = 4 }, entries, 2));

        (await act.Should().ThrowAsync<ConcurrencyException>()).Which.ActualVersion.Should().Be(1);
        (await h.JournalAsync(id)).Should().ContainSingle();
    }

    /// <summary>Save, new case twice: second throws concurrency and the first stays.</summary>
    [Fact]
    public async Task Save_NewCaseTwice_SecondThrowsConcurrencyAndTheFirstStays()
    {
        var store = await CreateEmptyStoreAsync();
        var (complaint, entries) = HandWritten(StoreHarness.Start);
        await store.SaveAsync(new CaseChange(complaint, entries, 0));
        var other = complaint with { Intake = complaint.Intake with { Description = "A different description of the same id." } };
        var otherEntries = new[] { entries[0] with { Event = new ComplaintReceived(other.Intake, other.Policy) } };

        var act = () => store.SaveAsync(new CaseChange(other, otherEntries, 0));

        (await act.Should().ThrowAsync<ConcurrencyException>()).Which.ActualVersion.Should().Be(1);
        StoreHarness.Json(await store.LoadAsync(complaint.Id)).Should().Be(StoreHarness.Json(complaint));
        (await store.ReadJournalAsync(complaint.Id)).Select(StoreHarness.Json).Should().Equal(entries.Select(StoreHarness.Json));
    }

    /// <summary>Save, entries that do not follow: are refused and nothing is written.</summary>
    [Fact]
    public async Task Save_EntriesThatDoNotFollow_AreRefusedAndNothingIsWritten()
    {
        var h = await NewHarness();
        var id = await h.ReceiveAsync();
        var stored = await h.StoredAsync(id);
        var entry = new JournalEntry(id, 5, h.Time.GetUtcNow(), StoreHarness.Coordinator, ComplaintState.Received, ComplaintState.Received, new ReadBackConfirmed(ReadBackMethod.Oral), Guid.NewGuid());

        var gap = () => h.Store.SaveAsync(new CaseChange(stored with { Version = 5 }, [entry], stored.Version));
        var none = () => h.Store.SaveAsync(new CaseChange(stored with { Version = 2 }, [], stored.Version));

        (await gap.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("expected 2");
        await none.Should().ThrowAsync<ArgumentException>();
        (await h.JournalAsync(id)).Should().ContainSingle();
        (await h.StoredAsync(id)).Version.Should().Be(1);
    }

    /// <summary>Many tasks, on one case: each command applied once or rejected and the journal has no gap or duplicate.</summary>
    [Fact]
    public async Task ManyTasks_OnOneCase_EachCommandAppliedOnceOrRejectedAndTheJournalHasNoGapOrDuplicate()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Investigating);
        var start = (await h.JournalAsync(id)).Count;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 48).Select(i => Task.Run(async () =>
        {
            try
            {
                await h.Service.ExecuteAsync(id, StoreHarness.Handler, new AddEvidence(new EvidenceReference($"photo-{i}.jpg")));
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));

        outcomes.Should().Contain(true);
        var journal = await h.JournalAsync(id);
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        var added = journal.Skip(start).Select(e => e.Event).OfType<EvidenceAdded>().Select(e => e.Evidence.Reference).ToArray();
        added.Should().OnlyHaveUniqueItems().And.HaveCount(outcomes.Count(applied => applied));
        var stored = await h.StoredAsync(id);
        stored.Version.Should().Be(journal.Count);
        StoreHarness.Json(ComplaintReplay.Replay(journal)).Should().Be(StoreHarness.Json(stored));
    }

    /// <summary>Many tasks, saving the same new case: exactly one wins.</summary>
    [Fact]
    public async Task ManyTasks_SavingTheSameNewCase_ExactlyOneWins()
    {
        var store = await CreateEmptyStoreAsync();
        var (complaint, entries) = HandWritten(StoreHarness.Start);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            try
            {
                await store.SaveAsync(new CaseChange(complaint, entries, 0));
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));

        outcomes.Count(won => won).Should().Be(1);
        (await store.ReadJournalAsync(complaint.Id)).Should().ContainSingle();
    }

    // ---- Queries ------------------------------------------------------------------------------------------------

    /// <summary>Query, every criterion alone: matches the reference.</summary>
    [Fact]
    public async Task Query_EveryCriterionAlone_MatchesTheReference()
    {
        var h = await NewHarness();
        var ids = await SeedVariedCases(h);
        var all = await LoadAll(h.Store, ids);
        var now = h.Time.GetUtcNow();
        var received = all.Select(c => c.ReceivedAt).Distinct().Order().ToArray();
        var dues = all.SelectMany(c => c.Deadlines.Select(d => d.DueAt)).Distinct().Order().ToArray();

        var queries = new Dictionary<string, ComplaintQuery>
        {
            ["everything"] = new(),
            ["received"] = new() { States = [ComplaintState.Received] },
            ["open"] = new() { States = ComplaintQuery.OpenStates },
            ["ended"] = new() { States = [ComplaintState.Closed, ComplaintState.Rejected, ComplaintState.Redirected, ComplaintState.Withdrawn] },
            ["no state"] = new() { States = [] },
            ["serious or major"] = new() { Severities = [Severity.Serious, Severity.Major] },
            ["minor"] = new() { Severities = [Severity.Minor] },
            ["general"] = new() { Severities = [Severity.General] },
            ["no severity"] = new() { Severities = [] },
            ["billing"] = new() { Categories = ["billing"] },
            ["billing or delivery"] = new() { Categories = ["billing", "delivery"] },
            ["BILLING (ordinal)"] = new() { Categories = ["BILLING"] },
            ["no category"] = new() { Categories = [] },
            ["assignee handler-1"] = new() { Assignee = StoreHarness.Handler.Id },
            ["assignee handler-2"] = new() { Assignee = StoreHarness.OtherHandler.Id },
            ["assignee nobody"] = new() { Assignee = new ActorId("nobody") },
            ["department finance"] = new() { Department = new DepartmentId("finance") },
            ["department logistics"] = new() { Department = new DepartmentId("logistics") },
            ["department none"] = new() { Department = new DepartmentId("none") },
            ["awaiting manager"] = new() { AwaitingApprovalByRole = "manager" },
            ["awaiting MANAGER"] = new() { AwaitingApprovalByRole = "MANAGER" },
            ["awaiting general-manager"] = new() { AwaitingApprovalByRole = "general-manager" },
            ["awaiting nobody"] = new() { AwaitingApprovalByRole = "nobody" },
            ["due before now"] = new() { DueBefore = now },
            ["due before start"] = new() { DueBefore = StoreHarness.Start },
            ["due before far future"] = new() { DueBefore = now.AddYears(1) },
            ["received from first"] = new() { ReceivedFrom = received[0] },
            ["received to first"] = new() { ReceivedTo = received[0] },
            ["received from the middle"] = new() { ReceivedFrom = received[received.Length / 2] },
            ["received to the middle"] = new() { ReceivedTo = received[received.Length / 2] },
            ["received between"] = new() { ReceivedFrom = received[2], ReceivedTo = received[^3] },
            ["received from just after the middle"] = new() { ReceivedFrom = received[received.Length / 2].AddTicks(1) },
            ["visible to handler-1"] = new() { VisibleTo = new CaseVisibility(StoreHarness.Handler.Id, null, []) },
            ["visible to the front desk"] = new() { VisibleTo = new CaseVisibility(A.Receiver().Id, null, []) },
            ["visible to finance"] = new() { VisibleTo = new CaseVisibility(new ActorId("clerk"), new DepartmentId("finance"), []) },
            ["visible to a manager"] = new() { VisibleTo = new CaseVisibility(StoreHarness.Manager.Id, StoreHarness.Manager.Department, StoreHarness.Manager.Roles) },
            ["visible to a MANAGER"] = new() { VisibleTo = new CaseVisibility(new ActorId("boss"), null, ["MANAGER", "other"]) },
            ["visible to the general manager"] = new() { VisibleTo = new CaseVisibility(StoreHarness.GeneralManager.Id, null, StoreHarness.GeneralManager.Roles) },
            ["visible to a stranger"] = new() { VisibleTo = new CaseVisibility(new ActorId("stranger"), new DepartmentId("nowhere"), ["nobody"]) },
            ["visible to the kiosk"] = new() { VisibleTo = new CaseVisibility(Kiosk.Id, Kiosk.Department, Kiosk.Roles) },
            ["an active hold"] = new() { HasActiveHold = true },
            ["no active hold"] = new() { HasActiveHold = false },
            ["held braised pork"] = new() { HeldProduct = "Braised pork" },
            ["held 清蒸鲈鱼, padded"] = new() { HeldProduct = " 清蒸鲈鱼 " },
            ["held steamed rice"] = new() { HeldProduct = "Steamed rice" },
            ["held BRAISED PORK (ordinal)"] = new() { HeldProduct = "BRAISED PORK" },
            ["held nothing of the kind"] = new() { HeldProduct = "Tofu" },
        };
        foreach (var due in dues.Where((_, i) => i % 3 == 0))
        {
            queries[$"due before {due:O}"] = new() { DueBefore = due };
            queries[$"due before {due:O} + 1 tick"] = new() { DueBefore = due.AddTicks(1) };
        }

        foreach (var (name, query) in queries)
        {
            await ShouldMatchReference(h.Store, all, query, name);
        }

        queries.Values.Select(q => Reference(all, q).Length).Distinct().Should().HaveCountGreaterThan(10, "the cases are varied enough to tell the criteria apart");
    }

    /// <summary>Query, criteria combined and paged: matches the reference in order.</summary>
    [Fact]
    public async Task Query_CriteriaCombinedAndPaged_MatchesTheReferenceInOrder()
    {
        var h = await NewHarness();
        var ids = await SeedVariedCases(h);
        var all = await LoadAll(h.Store, ids);
        var now = h.Time.GetUtcNow();
        var middle = all.Select(c => c.ReceivedAt).Order().ElementAt(all.Count / 2);

        var filters = new Dictionary<string, ComplaintQuery>
        {
            ["everything"] = new(),
            ["open and overdue"] = new() { States = ComplaintQuery.OpenStates, DueBefore = now },
            ["billing in finance"] = new() { Categories = ["billing", "delivery"], Department = new DepartmentId("finance") },
            ["serious, visible to handler-2"] = new() { Severities = [Severity.Serious, Severity.General], VisibleTo = new CaseVisibility(StoreHarness.OtherHandler.Id, null, ["manager"]) },
            ["awaiting manager, received late"] = new() { AwaitingApprovalByRole = "Manager", ReceivedFrom = middle },
            ["handler-1's open cases received early"] = new() { Assignee = StoreHarness.Handler.Id, States = ComplaintQuery.OpenStates, ReceivedTo = middle },
            ["held, ended"] = new() { HasActiveHold = true, States = [ComplaintState.Closed, ComplaintState.Withdrawn] },
            ["braised pork held, visible to the coordinator's desk"] = new() { HeldProduct = "Braised pork", VisibleTo = new CaseVisibility(StoreHarness.Coordinator.Id, StoreHarness.Coordinator.Department, StoreHarness.Coordinator.Roles) },
        };
        var pages = new (int Skip, int Take)[] { (0, 100), (0, 1), (0, 3), (1, 2), (2, 4), (5, 5), (10, 100), (1000, 10) };

        foreach (var (name, filter) in filters)
        {
            foreach (var (skip, take) in pages)
            {
                await ShouldMatchReference(h.Store, all, filter with { Skip = skip, Take = take }, $"{name}, skip {skip} take {take}");
            }
        }

        var everything = await h.Store.QueryAsync(new ComplaintQuery { Take = 1000 });
        everything.Select(c => c.Id).Should().Equal(all.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id.Value).Select(c => c.Id), "ordered by receipt time, then id");
        all.GroupBy(c => c.ReceivedAt).Should().Contain(g => g.Count() > 2, "some cases share a receipt time, so the id decides their order");
    }

    /// <summary>
    /// Query, product holds: a case joins the held list when a hold is placed, in any state, and leaves it when its last
    /// active hold is released; the hold records round trip with the case.
    /// </summary>
    [Fact]
    public async Task Query_ProductHolds_FollowPlacingAndReleasing()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Investigating, A.Complaint().InCategory("food-safety"), StoreHarness.Handler);
        var other = await h.DriveToAsync(ComplaintState.Triaged, A.Complaint().InCategory("food-safety"));
        var held = new ComplaintQuery { HasActiveHold = true };
        var pork = new ComplaintQuery { HeldProduct = "Braised pork" };
        async Task<ComplaintId[]> Ids(ComplaintQuery q) => [.. (await h.Store.QueryAsync(q)).Select(c => c.Id)];

        (await Ids(held)).Should().BeEmpty();

        await h.DoAsync(id, StoreHarness.Handler, new PlaceHold("Braised pork", "Sour smell reported.", "Lot 2026-03-02"));
        await h.DoAsync(id, StoreHarness.Handler, new PlaceHold("Braised pork", "A second report from another canteen."));
        (await Ids(held)).Should().Equal(id);
        (await Ids(pork)).Should().Equal(id);
        (await Ids(new ComplaintQuery { HasActiveHold = false })).Should().Equal(other);

        await h.DoAsync(id, StoreHarness.Handler, new ReleaseHold(1, HoldCheckResult.Cleared));
        (await Ids(pork)).Should().Equal([id], "the second hold on the same product is still active");

        await h.DoAsync(id, StoreHarness.Coordinator, new Withdraw("The canteen settled it."));
        (await Ids(held)).Should().Equal([id], "a hold outlives the case");

        var released = await h.DoAsync(id, StoreHarness.Coordinator, new ReleaseHold(2, HoldCheckResult.Withdrawn, "Destroyed; the supplier was told."));
        (await Ids(held)).Should().BeEmpty();
        (await Ids(pork)).Should().BeEmpty();
        released.Holds.Select(x => (x.Number, x.Result)).Should().Equal((1, HoldCheckResult.Cleared), (2, HoldCheckResult.Withdrawn));
        StoreHarness.Json(await h.Store.LoadAsync(id)).Should().Be(StoreHarness.Json(ComplaintReplay.Replay(await h.JournalAsync(id))));
    }

    /// <summary>Query, reading while writing: pages are consistent cases.</summary>
    [Fact]
    public async Task Query_ReadingWhileWriting_PagesAreConsistentCases()
    {
        var h = await NewHarness();
        var ids = await SeedVariedCases(h);

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await h.ReceiveAsync(A.Complaint().InCategory("billing"));
            }
        });
        while (!writer.IsCompleted)
        {
            foreach (var c in await h.Store.QueryAsync(new ComplaintQuery { Categories = ["billing"] }))
            {
                c.Category.Should().Be("billing");
            }
        }

        await writer;
        (await h.Store.QueryAsync(new ComplaintQuery { Take = 1000 })).Should().HaveCount(ids.Count + 10);
    }

    // ---- Counts -------------------------------------------------------------------------------------------------

    /// <summary>Count, by every grouping and period: matches the reference.</summary>
    [Fact]
    public async Task Count_ByEveryGroupingAndPeriod_MatchesTheReference()
    {
        var h = await NewHarness();
        var ids = await SeedVariedCases(h);
        var all = await LoadAll(h.Store, ids);
        var received = all.Select(c => c.ReceivedAt).Distinct().Order().ToArray();
        var periods = new (DateTimeOffset? From, DateTimeOffset? To)[]
        {
            (null, null), (received[2], null), (null, received[^2]), (received[1], received[^3]), (received[^1].AddTicks(1), null), (received[3], received[3]),
        };

        foreach (var by in Enum.GetValues<ComplaintCountGrouping>())
        {
            foreach (var (from, to) in periods)
            {
                var query = new ComplaintCountQuery(by) { ReceivedFrom = from, ReceivedTo = to };

                var counts = await h.Store.CountAsync(query);

                counts.Should().Equal(query.CountIn(all), "counting {0} from {1} to {2}", by, from, to);
            }
        }

        (await h.Store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.Category))).Should().Contain(c => c.Key == null, "received cases have no category yet");
        (await h.Store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State))).Sum(c => c.Count).Should().Be(ids.Count);
    }

    // ---- Deadline claims ----------------------------------------------------------------------------------------

    /// <summary>Claim, due alarms: are exactly those of the reference earliest first.</summary>
    [Fact]
    public async Task Claim_DueAlarms_AreExactlyThoseOfTheReferenceEarliestFirst()
    {
        var h = await NewHarness();
        var ids = await SeedVariedCases(h);
        var deadlines = Deadlines(h.Store);
        var all = await LoadAll(h.Store, ids);
        var times = all.SelectMany(c => c.Deadlines.SelectMany(d => new[] { d.DueAt, d.WarnAt ?? d.DueAt })).Distinct().Order().ToArray();

        foreach (var (now, i) in times.Select((t, i) => (t, i)).Where(x => x.i % 2 == 0).Append((h.Time.GetUtcNow().AddYears(1), -1)))
        {
            var expected = all.SelectMany(c => DeadlineAlarms.Due(c, now)).OrderBy(d => d.DueAt).ToArray();

            var claimed = await deadlines.ClaimDueDeadlinesAsync(now, $"worker-{i}", TimeSpan.FromTicks(1), 1000);

            claimed.Should().BeEquivalentTo(expected, "at {0:O}", now);
            claimed.Select(d => d.DueAt).Should().BeInAscendingOrder();
        }

        all.SelectMany(c => DeadlineAlarms.Due(c, h.Time.GetUtcNow())).Select(d => d.Alarm).Distinct().Should().HaveCount(2, "the cases have both warnings and breaches due");
        all.Should().Contain(c => c.ClockPausedAt != null && c.Deadlines.Any(d => d.MetAt == null), "a paused case with open deadlines claims nothing");
    }

    /// <summary>Claim, while leased: is claimed once and taken over after the lease expires.</summary>
    [Fact]
    public async Task Claim_WhileLeased_IsClaimedOnceAndTakenOverAfterTheLeaseExpires()
    {
        var h = await NewHarness();
        await SeedVariedCases(h);
        var deadlines = Deadlines(h.Store);
        var now = h.Time.GetUtcNow();
        var lease = TimeSpan.FromMinutes(5);

        var first = await deadlines.ClaimDueDeadlinesAsync(now, "a", lease, 1000);
        var second = await deadlines.ClaimDueDeadlinesAsync(now.AddMinutes(1), "b", lease, 1000);
        var again = await deadlines.ClaimDueDeadlinesAsync(now.AddMinutes(2), "a", lease, 1000);
        var justBefore = await deadlines.ClaimDueDeadlinesAsync(now + lease - TimeSpan.FromTicks(1), "b", lease, 1000);
        var takenOver = await deadlines.ClaimDueDeadlinesAsync(now.AddMinutes(2) + lease, "b", lease, 1000);

        first.Should().NotBeEmpty();
        second.Should().BeEmpty("worker a holds every due alarm");
        again.Should().BeEquivalentTo(first, "a worker may claim again what it holds, renewing its lease");
        justBefore.Should().BeEmpty();
        takenOver.Should().BeEquivalentTo(first, "a lease that ran out is taken over");
    }

    /// <summary>Claim, more due than max: claims the earliest and leaves the rest.</summary>
    [Fact]
    public async Task Claim_MoreDueThanMax_ClaimsTheEarliestAndLeavesTheRest()
    {
        var h = await NewHarness();
        var ids = await SeedVariedCases(h);
        var deadlines = Deadlines(h.Store);
        var now = h.Time.GetUtcNow();
        var all = await LoadAll(h.Store, ids);
        var expected = all.SelectMany(c => DeadlineAlarms.Due(c, now)).OrderBy(d => d.DueAt).ToArray();
        expected.Length.Should().BeGreaterThan(3);

        var first = await deadlines.ClaimDueDeadlinesAsync(now, "a", TimeSpan.FromMinutes(5), 2);
        var rest = await deadlines.ClaimDueDeadlinesAsync(now, "b", TimeSpan.FromMinutes(5), 1000);

        first.Should().HaveCount(2);
        first.Select(d => d.DueAt).Should().Equal(expected.Take(2).Select(d => d.DueAt));
        first.Concat(rest).Should().BeEquivalentTo(expected);
        first.Intersect(rest).Should().BeEmpty();
    }

    /// <summary>Claim, alarm recorded through the command path: is not claimed again.</summary>
    [Fact]
    public async Task Claim_AlarmRecordedThroughTheCommandPath_IsNotClaimedAgain()
    {
        var h = await NewHarness();
        var id = await h.DriveToAsync(ComplaintState.Assigned);
        var deadlines = Deadlines(h.Store);
        var propose = (await h.StoredAsync(id)).Deadlines.Single(d => d.Kind == DeadlineKind.Propose);
        var now = propose.DueAt.AddMinutes(1);
        h.Time.SetUtcNow(now);

        var claimed = await deadlines.ClaimDueDeadlinesAsync(now, "a", TimeSpan.FromMinutes(5), 10);
        claimed.Should().ContainEquivalentOf(new DueDeadline(id, DeadlineKind.Propose, DeadlineAlarm.Breach, propose.DueAt));
        foreach (var alarm in claimed)
        {
            await h.DoAsync(alarm.ComplaintId, Actor.System, alarm.Alarm == DeadlineAlarm.Breach ? new RecordDeadlineBreach(alarm.Kind) : new RecordDeadlineWarning(alarm.Kind));
        }

        var later = await deadlines.ClaimDueDeadlinesAsync(now.AddHours(1), "b", TimeSpan.FromMinutes(5), 10);

        later.Should().NotContain(d => d.ComplaintId == id && d.Kind == DeadlineKind.Propose);
        later.Should().BeEquivalentTo(DeadlineAlarms.Due(await h.StoredAsync(id), now.AddHours(1)));
    }

    /// <summary>Claim, many workers at once: never claim the same alarm twice.</summary>
    [Fact]
    public async Task Claim_ManyWorkersAtOnce_NeverClaimTheSameAlarmTwice()
    {
        var h = await NewHarness();
        var ids = await SeedVariedCases(h);
        var deadlines = Deadlines(h.Store);
        var now = h.Time.GetUtcNow();
        var all = await LoadAll(h.Store, ids);
        var expected = all.SelectMany(c => DeadlineAlarms.Due(c, now)).ToArray();

        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => deadlines.ClaimDueDeadlinesAsync(now, $"worker-{i}", TimeSpan.FromMinutes(5), 2))));
        var rest = await deadlines.ClaimDueDeadlinesAsync(now, "last", TimeSpan.FromMinutes(5), 1000);

        var everything = claims.SelectMany(c => c).Concat(rest).ToArray();
        everything.Should().OnlyHaveUniqueItems();
        everything.Should().BeEquivalentTo(expected);
    }

    // ---- The varied set of cases --------------------------------------------------------------------------------

    /// <summary>Someone at a kiosk of the sales department who receives complaints.</summary>
    protected static Actor Kiosk { get; } = An.Actor("kiosk").Named("Sales kiosk").InDepartment("sales").Build();

    /// <summary>
    /// About thirty cases over a fortnight, through a real <see cref="ComplaintService"/>: every state, every tier, several
    /// categories and departments, two handlers, approvals pending by different roles, a paused clock, deadlines met,
    /// warned, breached and extended, cases received at the same instant; the clock ends with alarms due.
    /// </summary>
    protected static async Task<IReadOnlyList<ComplaintId>> SeedVariedCases(StoreHarness h)
    {
        var ids = new List<ComplaintId>();
        async Task<ComplaintId> Add(Task<ComplaintId> made)
        {
            var id = await made;
            ids.Add(id);
            return id;
        }

        void Later(double hours) => h.Time.Advance(TimeSpan.FromHours(hours));

        async Task<ComplaintId> TriagedAsync(Task<ComplaintId> received)
        {
            var id = await received;
            await h.DoAsync(id, StoreHarness.Coordinator, new Triage());
            return id;
        }

        await Add(h.DriveToAsync(ComplaintState.Received, A.Complaint().InCategory("billing")));
        Later(1);
        await Add(h.DriveToAsync(ComplaintState.Triaged, A.Complaint().InCategory("billing").Claiming(200)));
        await Add(h.DriveToAsync(ComplaintState.Triaged, A.Complaint().OfKind(ComplaintKind.Suggestion).Described("You could open the shop earlier in the morning.")));
        Later(2);
        await Add(h.DriveToAsync(ComplaintState.Assigned, A.Complaint().InCategory("delivery").Claiming(300), StoreHarness.Handler));
        await Add(h.DriveToAsync(ComplaintState.Assigned, A.Complaint().InCategory("repair-quality"), StoreHarness.Handler, receiver: Kiosk));
        Later(0.5);
        await Add(h.DriveToAsync(ComplaintState.Investigating, A.Complaint().InCategory("product-quality").Claiming(20_000), StoreHarness.OtherHandler));
        await Add(h.DriveToAsync(ComplaintState.Investigating, A.Complaint().Via(Channel.Phone).InCategory("billing"), StoreHarness.Handler));
        Later(20);
        await Add(h.DriveToAsync(ComplaintState.AwaitingApproval, A.Complaint().InCategory("billing"), StoreHarness.Handler, A.Remedy(RemedyKind.Refund, 3_000)));
        await Add(h.DriveToAsync(ComplaintState.AwaitingApproval, A.Complaint().InCategory("service-attitude").AboutDepartment("sales"), StoreHarness.OtherHandler, A.Remedy(RemedyKind.Compensation, 8_000)));
        var gm = await Add(h.DriveToAsync(ComplaintState.AwaitingApproval, A.Complaint().InCategory("delivery"), StoreHarness.Handler, A.Remedy(RemedyKind.Compensation, 8_000)));
        await h.DoAsync(gm, StoreHarness.Manager, new Approve("Up to the GM."));
        Later(3);
        await Add(h.DriveToAsync(ComplaintState.Approved, A.Complaint().InCategory("delivery"), StoreHarness.Handler, A.Remedy(RemedyKind.Refund, 1_000)));
        var twoHolds = await Add(h.DriveToAsync(ComplaintState.AwaitingCustomer, A.Complaint().Flagged(ComplaintFlags.SafetyRisk).InCategory("product-quality"), StoreHarness.OtherHandler, A.Remedy(RemedyKind.Replacement, 100)));
        await h.DoAsync(twoHolds, StoreHarness.Coordinator, new PlaceHold("Braised pork", "Sour smell reported.", "Delivery of 3 March"));
        await h.DoAsync(twoHolds, StoreHarness.Coordinator, new PlaceHold("清蒸鲈鱼", "Same supplier."));
        await h.DoAsync(twoHolds, StoreHarness.Coordinator, new ReleaseHold(1, HoldCheckResult.Cleared, "The rest of the batch was fine."));
        await Add(h.DriveToAsync(ComplaintState.AwaitingCustomer, A.Complaint().InCategory("billing"), StoreHarness.Handler, A.Remedy(RemedyKind.Apology)));
        Later(24);
        await Add(h.DriveToAsync(ComplaintState.Implementing, A.Complaint().InCategory("billing").Claiming(400), StoreHarness.Handler, A.Remedy(RemedyKind.Refund, 400)));
        await Add(h.DriveToAsync(ComplaintState.FollowUp, A.Complaint().InCategory("delivery"), StoreHarness.OtherHandler, A.Remedy(RemedyKind.Apology), Kiosk));
        var heldAfterClosing = await Add(h.DriveToAsync(ComplaintState.Closed, A.Complaint().InCategory("billing"), StoreHarness.Handler, A.Remedy(RemedyKind.Apology)));
        await h.DoAsync(heldAfterClosing, StoreHarness.Coordinator, new PlaceHold("Braised pork", "Checked after the case closed."));
        var reopened = await Add(h.DriveToAsync(ComplaintState.Closed, A.Complaint().InCategory("conduct"), StoreHarness.OtherHandler, A.Remedy(RemedyKind.Apology)));
        await h.DoAsync(reopened, StoreHarness.Coordinator, new Reopen("Called back."));
        Later(2);
        // Rejected and redirected by the pack at triage, with its admissibility decision on record.
        await Add(TriagedAsync(h.ReceiveAsync(A.Complaint().WithAttribute("in-court"))));
        await Add(TriagedAsync(h.ReceiveAsync(A.Complaint().WithAttribute("outside-remit"), Kiosk)));
        await Add(h.DriveToAsync(ComplaintState.Withdrawn, A.Complaint().InCategory("billing")));
        var withdrawnLater = await Add(h.DriveToAsync(ComplaintState.Assigned, A.Complaint().InCategory("delivery"), StoreHarness.Handler));
        await h.DoAsync(withdrawnLater, StoreHarness.Handler, new PlaceHold("Steamed rice", "Served from the same kitchen."));
        await h.DoAsync(withdrawnLater, StoreHarness.Coordinator, new Withdraw("No longer needed."));

        // Four at one instant: their ids decide their order.
        Later(5);
        await Add(h.DriveToAsync(ComplaintState.Received, A.Complaint().InCategory("delivery")));
        await Add(h.DriveToAsync(ComplaintState.Triaged, A.Complaint().InCategory("billing").Claiming(30_000).Flagged(ComplaintFlags.MediaThreat)));
        await Add(h.DriveToAsync(ComplaintState.Assigned, A.Complaint().InCategory("billing"), StoreHarness.OtherHandler, receiver: Kiosk));

        // Reassigned: it leaves handler-1's desk for handler-2's.
        var reassigned = await Add(h.DriveToAsync(ComplaintState.Assigned, A.Complaint().InCategory("delivery"), StoreHarness.Handler));
        await h.DoAsync(reassigned, StoreHarness.Coordinator, new Reassign(StoreHarness.OtherHandler, "Handler-1 is on leave."));
        var released = await Add(h.DriveToAsync(ComplaintState.Triaged, A.Complaint().InCategory("product-quality").Flagged(ComplaintFlags.HealthRisk)));
        await h.DoAsync(released, StoreHarness.Coordinator, new PlaceHold("Braised pork", "Health risk flagged."));
        await h.DoAsync(released, StoreHarness.Coordinator, new ReleaseHold(1, HoldCheckResult.Withdrawn, "Withdrawn and replaced."));

        // Deadlines warned, breached (with escalation) and extended, and the clock moved on so alarms are due.
        Later(30);
        var escalated = await Add(h.DriveToAsync(ComplaintState.Investigating, A.Complaint().InCategory("billing").Claiming(12_000), StoreHarness.Handler));
        await h.DoAsync(escalated, StoreHarness.Coordinator, new Escalate("The customer asked for a manager."));
        Later(24 * 4);
        foreach (var id in ids.ToArray())
        {
            var c = await h.StoredAsync(id);
            foreach (var due in DeadlineAlarms.Due(c, h.Time.GetUtcNow()).Where((_, i) => (id.GetHashCode() + i) % 2 == 0))
            {
                await h.DoAsync(id, Actor.System, due.Alarm == DeadlineAlarm.Breach ? new RecordDeadlineBreach(due.Kind) : new RecordDeadlineWarning(due.Kind));
            }
        }

        var extended = await Add(h.DriveToAsync(ComplaintState.Investigating, A.Complaint().InCategory("delivery"), StoreHarness.OtherHandler));
        var resolve = (await h.StoredAsync(extended)).Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        if (resolve.ExtendableTo is { } to)
        {
            await h.DoAsync(extended, StoreHarness.Manager, new ExtendDeadline(DeadlineKind.Resolve, to, "We need the supplier's report."));
        }

        Later(24 * 3);
        return ids;
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    private static IDeadlineStore Deadlines(IComplaintStore store) =>
        store as IDeadlineStore ?? throw new InvalidOperationException($"{store.GetType().Name} must implement IDeadlineStore.");

    private static async Task<IReadOnlyList<Complaint>> LoadAll(IComplaintStore store, IReadOnlyList<ComplaintId> ids)
    {
        var all = new List<Complaint>();
        foreach (var id in ids)
        {
            all.Add(await store.LoadAsync(id) ?? throw new InvalidOperationException($"Complaint {id} is not stored."));
        }

        return all;
    }

    private static Complaint[] Reference(IReadOnlyList<Complaint> all, ComplaintQuery query) =>
        all.Where(query.Matches).OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id.Value).Skip(query.Skip).Take(query.Take).ToArray();

    private static async Task ShouldMatchReference(IComplaintStore store, IReadOnlyList<Complaint> all, ComplaintQuery query, string name)
    {
        var expected = Reference(all, query);

        var page = await store.QueryAsync(query);

        page.Select(c => c.Id).Should().Equal(expected.Select(c => c.Id), "query \"{0}\" returns what ComplaintQuery.Matches selects, in order", name);
        page.Select(StoreHarness.Json).Should().Equal(expected.Select(StoreHarness.Json), "query \"{0}\" returns the cases as stored", name);
    }

    /// <summary>A received case written by hand (not by the workflow), with the given receipt time and its offset.</summary>
    protected static (Complaint Complaint, JournalEntry[] Entries) HandWritten(DateTimeOffset at)
    {
        var intake = A.Complaint().From("王芳 O'Brien \"Q\"", new ContactDetails(Email: "wang@example.cn")).Described("发票金额错误 — the invoice is wrong; 100% sure.\nSecond line.")
            .WithEvidence("scan.pdf").WithAttribute("渠道", "微信").Claiming(123.45m).BuildIntake();
        var receiver = An.Actor("desk-2").Named("前台").WithRoles("staff").InDepartment("front-desk").Build();
        var id = ComplaintId.New(at);
        var entry = new JournalEntry(id, 1, at, receiver, ComplaintState.Received, ComplaintState.Received, new ComplaintReceived(intake, ComplaintBuilder.DefaultPolicy), Guid.CreateVersion7(at));
        return (ComplaintReplay.Apply(null, entry), [entry]);
    }
}
