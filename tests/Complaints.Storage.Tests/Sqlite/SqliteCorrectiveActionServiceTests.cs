using Complaints.Improvement;
using Complaints.Rules;
using Complaints.Testing.Stores;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Complaints.Workflow.Improvement;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>The corrective-action service over the SQLite store: what it writes is read back by another store on the file.</summary>
public sealed class SqliteCorrectiveActionServiceTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ServiceOverSqlite_ProposeCompleteAndBreach_AreStoredAndReadBackByAnotherStore()
    {
        var path = _database.NewPath();
        var h = new StoreHarness(_database.Store(path));
        var caseId = await h.DriveToAsync(ComplaintState.Investigating);
        var options = new ComplaintsOptions();
        var service = new CorrectiveActionService(
            (ICorrectiveActionStore)h.Store, h.Store, new PolicyCatalog(PolicyPacks.LoadBuiltIn("generic")), new WeekdayCalendar(), h.Time, OptionsFactory.Create(options));

        var proposed = (await service.ProposeAsync(StoreHarness.Coordinator, new ProposeCorrectiveAction(
            CorrectiveActionKind.Corrective, "Call back within a day", RootCause.ProcessGap, "Nobody owned the call-back.", StoreHarness.Handler.Id) { Cases = [caseId] })).Action;
        await service.CompleteAsync(proposed.Id, StoreHarness.Handler, "A named person calls back.");
        var completed = (await ((ICorrectiveActionStore)h.Store).LoadAsync(proposed.Id))!;
        h.Time.SetUtcNow(completed.VerifyDueAt!.Value);
        var alarm = (await ((ICorrectiveActionStore)h.Store).ReadDueAlarmsAsync(h.Time.GetUtcNow(), 10)).Should().ContainSingle().Subject;
        await service.RecordDeadlineAlarmAsync(alarm);

        var other = _database.Store(path);
        var stored = (await other.LoadAsync(proposed.Id))!;
        stored.State.Should().Be(CorrectiveActionState.Completed);
        stored.VerifyDue!.BreachedAt.Should().NotBeNull("the breach of the verification deadline is on record");
        (await other.QueryAsync(new CorrectiveActionQuery { Case = caseId })).Select(a => a.Id).Should().Equal(proposed.Id);
        (await other.ReadDueAlarmsAsync(h.Time.GetUtcNow().AddYears(1), 10)).Should().BeEmpty("the action's alarms are all recorded");
        var journal = await other.ReadJournalAsync(proposed.Id);
        StoreHarness.Json(CorrectiveActionReplay.Replay(journal)).Should().Be(StoreHarness.Json(stored));
    }
}
