using Complaints.Improvement;
using Complaints.Rules;
using Complaints.Testing.Stores;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Improvement;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>The period's corrective action figures read from the SQLite store: the same as the reference over its actions.</summary>
public sealed class SqliteCorrectiveActionFiguresTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task CorrectiveActionsAsync_OverSqlite_CountsWhatTheServiceWrote_AsTheReferenceDoes()
    {
        var path = _database.NewPath();
        var h = new StoreHarness(_database.Store(path));
        var policy = PolicyPacks.LoadBuiltIn("auto-dealership");
        var service = new CorrectiveActionService(
            (ICorrectiveActionStore)h.Store, h.Store, new PolicyCatalog(policy), new WeekdayCalendar(), h.Time, OptionsFactory.Create(new ComplaintsOptions()));
        var from = h.Time.GetUtcNow();
        ProposeCorrectiveAction Proposal(string title, string department) =>
            new(CorrectiveActionKind.Corrective, title, RootCause.ProcessGap, "Nobody owned the call-back.", StoreHarness.Handler.Id)
            {
                Department = new DepartmentId(department),
            };

        // One awaiting the general manager's approval (the dealership pack), one approved and completed, one in another department.
        var waiting = (await service.ProposeAsync(StoreHarness.Coordinator, Proposal("Call back within a day", "service"))).Action;
        var done = (await service.ProposeAsync(StoreHarness.Coordinator, Proposal("Name the owner of every call-back", "service"))).Action;
        await service.ApproveAsync(done.Id, StoreHarness.GeneralManager);
        await service.CompleteAsync(done.Id, StoreHarness.Handler, "A named person calls back.");
        await service.ProposeAsync(StoreHarness.Coordinator, Proposal("Log every call", "sales"));
        h.Time.SetUtcNow(waiting.DueAt.AddDays(1));

        var analysis = new ComplaintAnalysis(h.Store, h.Time);
        var query = analysis.Period(from, h.Time.GetUtcNow()) with { Department = new DepartmentId("service") };
        var figures = await analysis.CorrectiveActionsAsync(query);

        (figures.Proposed, figures.AwaitingApproval, figures.Overdue, figures.AwaitingVerification).Should().Be((2, 1, 1, 1));
        figures.Actions.Select(a => a.Title).Should().Equal("Call back within a day");
        var stored = await ((ICorrectiveActionStore)h.Store).QueryAsync(new CorrectiveActionQuery());
        stored.Should().HaveCount(3);
        stored.Should().OnlyContain(a => a.ProposedDueAt != null, "the proposal's due time is stored with the action");
        figures.Should().BeEquivalentTo(CorrectiveActionFigures.Compute(query, stored));
    }
}
