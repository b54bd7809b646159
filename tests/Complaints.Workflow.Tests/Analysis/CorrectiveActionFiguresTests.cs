using Complaints.Analysis;
using Complaints.Improvement;
using Complaints.Journal;
using Complaints.Ports;
using Complaints.Workflow.InMemory;
using Complaints.Workflow.Tests.Improvement;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Workflow.Tests.Analysis.CorrectiveActionFixture;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Analysis;

/// <summary>
/// The corrective action figures of a period on the hand-built fixture (<see cref="CorrectiveActionFixture"/>): every
/// expected number is counted in the comments from the fixture's timeline, not by the code under test.
/// </summary>
public sealed class CorrectiveActionFiguresTests
{
    [Fact]
    public void Compute_AsOfTheEndOfTheQuarter_CountsEachFigure()
    {
        var f = CorrectiveActionFigures.Compute(Quarter, Actions());

        // A9 is the dealership's: not in the hospital's figures.
        // Proposed in [Jan 1, Apr 1): A2 (exactly at From), A4, A5, A7, A8, A10, A11 — not A3 (exactly at To), A1, A6 (before).
        f.Proposed.Should().Be(7);
        // As of Apr 1: A3 awaits approval; A1, A2 (approved Feb 20) and A10 (completed only after AsOf) are in progress.
        f.AwaitingApproval.Should().Be(1);
        f.InProgress.Should().Be(3);
        f.Open.Should().Be(4);
        // A1 (due Jan 20) and A10 (due 23:59:59 the day before) are overdue; A2 is due exactly at AsOf, A3 on Apr 15.
        f.Overdue.Should().Be(2);
        // A4 completed Feb 1, its check due Mar 1: awaiting verification and overdue.
        f.AwaitingVerification.Should().Be(1);
        f.VerificationOverdue.Should().Be(1);
        // A5 verified Mar 10; A11 verified exactly at To is not in the period; A6 found ineffective Feb 10.
        f.VerifiedEffective.Should().Be(1);
        f.FoundIneffective.Should().Be(1);
        f.Declined.Should().Be(1);   // A7, Feb 1
        f.Cancelled.Should().Be(1);  // A8, Mar 1
        f.IsEmpty.Should().BeFalse();
        f.Query.Should().Be(Quarter);
    }

    [Fact]
    public void Compute_AsOfTheEndOfTheQuarter_GivesTheDepartmentsAndTheMeetingsList()
    {
        var f = CorrectiveActionFigures.Compute(Quarter, Actions());

        f.Departments.Should().Equal(
            // finance: proposed A2, A5, A7, A11; open A1, A2; overdue A1; verified A5.
            new CorrectiveActionDepartmentFigures(Finance, Proposed: 4, Open: 2, Overdue: 1, AwaitingVerification: 0, VerifiedEffective: 1, FoundIneffective: 0),
            // nursing: proposed A4, A8, A10; open A3, A10; overdue A10; awaiting verification A4.
            new CorrectiveActionDepartmentFigures(Nursing, Proposed: 3, Open: 2, Overdue: 1, AwaitingVerification: 1, VerifiedEffective: 0, FoundIneffective: 0),
            // no department: A6, found ineffective.
            new CorrectiveActionDepartmentFigures(null, Proposed: 0, Open: 0, Overdue: 0, AwaitingVerification: 0, VerifiedEffective: 0, FoundIneffective: 1));

        // Overdue first by due time (A1 Jan 20, A4's check Mar 1, A10 Mar 31 23:59:59), then the others (A2 Apr 1, A3 Apr 15).
        f.Actions.Select(a => (a.Title, a.State, a.DueAt, a.Overdue)).Should().Equal(
            ("A1", CorrectiveActionState.Open, D(2026, 1, 20), true),
            ("A4", CorrectiveActionState.Completed, D(2026, 3, 1), true),
            ("A10", CorrectiveActionState.Open, D(2026, 3, 31, 23, 59, 59), true),
            ("A2", CorrectiveActionState.Open, To, false),
            ("A3", CorrectiveActionState.AwaitingApproval, D(2026, 4, 15), false));
        f.Actions[0].Should().Be(new OpenCorrectiveAction(Id(1), "A1", RootCause.StaffError, Finance, new ActorId("owner-1"), D(2026, 1, 20), CorrectiveActionState.Open, true));
    }

    [Fact]
    public void Compute_AsOfAPastInstant_IgnoresWhatHappenedAfterIt()
    {
        var f = CorrectiveActionFigures.Compute(Quarter with { AsOf = Past }, Actions());

        // Proposed by Feb 15 in the period: A2, A4, A5, A7, A8 (A10, A11 and A3 came later).
        f.Proposed.Should().Be(5);
        // A2 still awaited its approval (given Feb 20), and its proposal's due time (Jan 29) had passed.
        f.AwaitingApproval.Should().Be(1);
        // A1, and A8 (cancelled only on Mar 1, due Feb 14).
        f.InProgress.Should().Be(2);
        f.Overdue.Should().Be(3);
        // A4 (check due Mar 1) and A5 (verified only on Mar 10): neither check overdue yet.
        f.AwaitingVerification.Should().Be(2);
        f.VerificationOverdue.Should().Be(0);
        f.VerifiedEffective.Should().Be(0);
        f.FoundIneffective.Should().Be(1);   // A6, Feb 10
        f.Declined.Should().Be(1);           // A7, Feb 1
        f.Cancelled.Should().Be(0);          // A8 was cancelled after Feb 15
        f.Actions.Select(a => (a.Title, a.State, a.DueAt)).Should().Equal(
            ("A1", CorrectiveActionState.Open, D(2026, 1, 20)),
            ("A2", CorrectiveActionState.AwaitingApproval, D(2026, 1, 29)),
            ("A8", CorrectiveActionState.Open, D(2026, 2, 14)));
        f.Departments.Should().Equal(
            new CorrectiveActionDepartmentFigures(Finance, 3, 2, 2, 1, 0, 0),
            new CorrectiveActionDepartmentFigures(Nursing, 2, 1, 1, 1, 0, 0),
            new CorrectiveActionDepartmentFigures(null, 0, 0, 0, 0, 0, 1));
    }

    [Fact]
    public void Compute_FiltersByDepartmentCategoryAndPack_AndIgnoresTierAndChannel()
    {
        var nursing = CorrectiveActionFigures.Compute(Quarter with { Department = Nursing }, Actions());
        // A3, A4, A8, A10: proposed A4, A8, A10; open A3, A10 (overdue); A4 awaiting a late check; A8 cancelled.
        (nursing.Proposed, nursing.Open, nursing.Overdue, nursing.AwaitingVerification, nursing.VerificationOverdue, nursing.Cancelled, nursing.Declined, nursing.FoundIneffective)
            .Should().Be((3, 2, 1, 1, 1, 1, 0, 0));
        nursing.Departments.Select(d => d.Department).Should().Equal(Nursing);

        var billing = CorrectiveActionFigures.Compute(Quarter with { Category = "billing" }, Actions());
        (billing.Proposed, billing.Open, billing.Overdue, billing.AwaitingVerification).Should().Be((1, 1, 1, 0), "only A10 has the category");
        billing.Actions.Select(a => a.Title).Should().Equal("A10");

        var everyPack = CorrectiveActionFigures.Compute(Quarter with { Pack = null }, Actions());
        // A9 joins: proposed Feb 2, in progress, due Feb 20.
        (everyPack.Proposed, everyPack.InProgress, everyPack.Overdue).Should().Be((8, 4, 3));

        var tierAndChannel = CorrectiveActionFigures.Compute(Quarter with { Severity = Severity.Major, Channel = Channel.Phone }, Actions());
        tierAndChannel.Should().BeEquivalentTo(CorrectiveActionFigures.Compute(Quarter, Actions()), o => o.Excluding(x => x.Query));
    }

    [Fact]
    public void Compute_WithNothingInThePeriod_IsEmpty_AndAnInvalidQueryIsRefused()
    {
        var empty = CorrectiveActionFigures.Compute(Quarter with { From = D(2020, 1, 1), To = D(2020, 4, 1), AsOf = D(2020, 4, 1) }, Actions());
        empty.IsEmpty.Should().BeTrue();
        empty.Departments.Should().BeEmpty();
        empty.Actions.Should().BeEmpty();

        var act = () => CorrectiveActionFigures.Compute(Quarter with { To = From }, Actions());
        act.Should().Throw<ComplaintValidationException>().Which.Errors.Should().Contain(e => e.Field == "AnalysisQuery.To");
    }

    [Theory]
    [InlineData(2026, 2, 28, null)]                                      // before the proposal (Mar 1)
    [InlineData(2026, 3, 1, CorrectiveActionState.AwaitingApproval)]     // at the proposal itself
    [InlineData(2026, 3, 2, CorrectiveActionState.Open)]                 // approved that instant
    [InlineData(2026, 4, 1, CorrectiveActionState.Open)]                 // completed a second later
    [InlineData(2026, 4, 2, CorrectiveActionState.Completed)]
    public void StateAsOf_FollowsTheTimestamps(int year, int month, int day, CorrectiveActionState? expected)
    {
        var a10 = Actions().Single(a => a.Title == "A10");

        CorrectiveActionFigures.StateAsOf(a10, D(year, month, day)).Should().Be(expected);
    }

    [Fact]
    public void StateAsOf_DeclinedOrVerifiedActions_EndWhenTheyEnded()
    {
        var a7 = Actions().Single(a => a.Title == "A7");
        CorrectiveActionFigures.StateAsOf(a7, D(2026, 1, 31)).Should().Be(CorrectiveActionState.AwaitingApproval);
        CorrectiveActionFigures.StateAsOf(a7, D(2026, 2, 1)).Should().Be(CorrectiveActionState.Declined);

        var a6 = Actions().Single(a => a.Title == "A6");
        CorrectiveActionFigures.StateAsOf(a6, D(2025, 11, 30)).Should().Be(CorrectiveActionState.Open);
        CorrectiveActionFigures.StateAsOf(a6, D(2026, 2, 9)).Should().Be(CorrectiveActionState.Completed);
        CorrectiveActionFigures.StateAsOf(a6, D(2026, 2, 10)).Should().Be(CorrectiveActionState.Ineffective);
    }

    // ---- The service: ComplaintAnalysis.CorrectiveActionsAsync ----

    [Fact]
    public async Task CorrectiveActionsAsync_ReadsEveryPageUpToTheAsOfTime()
    {
        // 2,500 actions: three pages of 1,000. One each 2 hours from Jan 1; from the 1,000th on, each is open and overdue.
        var actions = Enumerable.Range(1, 2500).Select(n => Make(
            n, CorrectiveActionState.Open, From.AddHours(2 * (n - 1)), due: n >= 1000 ? From : D(2030, 1, 1), n % 2 == 0 ? Finance : Nursing)).ToArray();
        var store = new PagedActions(actions);
        var analysis = new ComplaintAnalysis(new InMemoryComplaintStore(), new FakeTimeProvider(To), actions: store);

        var query = Quarter with { Department = Finance, AsOf = From.AddHours(2 * 2399) };
        var f = await analysis.CorrectiveActionsAsync(query);

        // Proposed at or before AsOf: n = 1 … 2400; of finance (even n): 1,200, all open; overdue: even n from 1,000 to 2,400 = 701.
        f.InProgress.Should().Be(1200);
        f.Overdue.Should().Be(701);
        f.Should().BeEquivalentTo(CorrectiveActionFigures.Compute(query, actions));
        store.Queries.Select(q => q.Skip).Should().Equal(0, 1000);
        store.Queries.Should().AllSatisfy(q =>
        {
            q.Department.Should().Be(Finance);
            q.CreatedTo.Should().Be(query.AsOf.AddTicks(1));
            q.Take.Should().Be(ComplaintAnalysis.CorrectiveActionPageSize);
        });
    }

    [Fact]
    public async Task CorrectiveActionsAsync_OverTheWorkflow_CountsAnApprovedActionAsOfBeforeAndAfterItsApproval()
    {
        var h = new CapaHarness();
        h.Cases.Policy.CorrectiveActions = CorrectiveActionSettings.Default with { ApprovalRole = ComplaintRoles.GeneralManager, DueWorkingDays = 5 };
        var @case = await h.Case();
        var proposed = await h.Open(@case);
        var proposedAt = h.Cases.Time.GetUtcNow();
        h.Cases.Time.Advance(TimeSpan.FromDays(10));   // past the proposal's due time (5 working days)
        var approved = (await h.Actions.ApproveAsync(proposed.Id, GeneralManager)).Action;

        approved.ProposedDueAt.Should().Be(proposed.DueAt, "the replay keeps the proposal's due time when the approval restarts it");
        approved.DueAt.Should().BeAfter(proposed.DueAt);

        var analysis = new ComplaintAnalysis(h.Cases.Store, h.Cases.Time);
        analysis.HasCorrectiveActions.Should().BeTrue("the in-memory store keeps actions");
        var period = analysis.Period(proposedAt.AddDays(-1), proposedAt.AddDays(30));
        var now = await analysis.CorrectiveActionsAsync(period);
        (now.Proposed, now.AwaitingApproval, now.InProgress, now.Overdue).Should().Be((1, 0, 1, 0));

        var beforeApproval = await analysis.CorrectiveActionsAsync(period with { AsOf = proposedAt.AddDays(9) });
        (beforeApproval.Proposed, beforeApproval.AwaitingApproval, beforeApproval.Overdue).Should().Be((1, 1, 1));
        beforeApproval.Actions.Single().DueAt.Should().Be(proposed.DueAt);
    }

    [Fact]
    public async Task CorrectiveActionsAsync_WithoutAnActionStore_IsRefusedSayingWhatToDo()
    {
        var analysis = new ComplaintAnalysis(new CasesOnly(), new FakeTimeProvider(To));

        analysis.HasCorrectiveActions.Should().BeFalse();
        var act = () => analysis.CorrectiveActionsAsync(Quarter);
        (await act.Should().ThrowAsync<NotSupportedException>()).Which.Message.Should().Contain("ICorrectiveActionStore").And.Contain("HasCorrectiveActions");
    }

    /// <summary>An action store that serves pages of a list by the reference semantics and records the queries.</summary>
    private sealed class PagedActions(IReadOnlyList<CorrectiveAction> actions) : ICorrectiveActionStore
    {
        public List<CorrectiveActionQuery> Queries { get; } = [];

        public Task<IReadOnlyList<CorrectiveAction>> QueryAsync(CorrectiveActionQuery query, CancellationToken cancellationToken = default)
        {
            Queries.Add(query);
            return Task.FromResult<IReadOnlyList<CorrectiveAction>>([.. actions.Where(query.Matches).Skip(query.Skip).Take(query.Take)]);
        }

        public Task<CorrectiveAction?> LoadAsync(CorrectiveActionId id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task SaveAsync(CorrectiveActionChange change, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<CorrectiveActionJournalEntry>> ReadJournalAsync(CorrectiveActionId id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<DueCorrectiveActionAlarm>> ReadDueAlarmsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    /// <summary>A complaint store that keeps no corrective actions.</summary>
    private sealed class CasesOnly : IComplaintStore
    {
        private readonly InMemoryComplaintStore _inner = new();

        public Task<Complaint?> LoadAsync(ComplaintId id, CancellationToken cancellationToken = default) => _inner.LoadAsync(id, cancellationToken);

        public Task SaveAsync(CaseChange change, CancellationToken cancellationToken = default) => _inner.SaveAsync(change, cancellationToken);

        public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(ComplaintId id, CancellationToken cancellationToken = default) => _inner.ReadJournalAsync(id, cancellationToken);

        public Task<IReadOnlyList<Complaint>> QueryAsync(ComplaintQuery query, CancellationToken cancellationToken = default) => _inner.QueryAsync(query, cancellationToken);

        public Task<IReadOnlyList<DeskItem>> QueryDeskAsync(DeskQuery query, CancellationToken cancellationToken = default) => _inner.QueryDeskAsync(query, cancellationToken);

        public Task<IReadOnlyList<ComplaintCount>> CountAsync(ComplaintCountQuery query, CancellationToken cancellationToken = default) => _inner.CountAsync(query, cancellationToken);
    }
}
