using Complaints.Improvement;
using Complaints.Ports;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>Queries and due alarms, checked against <see cref="CorrectiveActionQuery.Matches"/> and <see cref="CorrectiveActionAlarms.Due"/>.</summary>
public abstract partial class CorrectiveActionStoreContract
{
    private static readonly ActorId OtherOwner = new("owner-2");
    private static readonly DepartmentId Quality = new("quality");

    /// <summary>Query, every criterion on varied actions: returns the reference matches, ordered by proposal time then id.</summary>
    [Fact]
    public async Task Query_EveryCriterion_ReturnsTheReferenceMatchesInOrder()
    {
        var store = await CreateEmptyStoreAsync();
        var all = await SeedVariedActions(store);
        var someCase = all[2].Cases[0];
        var queries = new CorrectiveActionQuery[]
        {
            new(),
            new() { States = [CorrectiveActionState.Open] },
            new() { States = CorrectiveActionQuery.RunningStates },
            new() { States = [CorrectiveActionState.Verified, CorrectiveActionState.Ineffective] },
            new() { Kind = CorrectiveActionKind.Preventive },
            new() { Owner = OtherOwner },
            new() { Department = Quality },
            new() { Case = someCase },
            new() { RootCauses = [RootCause.StaffError, RootCause.ProductDefect] },
            new() { DueBefore = CorrectiveActionHistory.Start.AddDays(20) },
            new() { DueBefore = CorrectiveActionHistory.Start.AddDays(20), States = [CorrectiveActionState.Completed] },
            new() { CreatedFrom = CorrectiveActionHistory.Start.AddDays(2), CreatedTo = CorrectiveActionHistory.Start.AddDays(5) },
            new() { Owner = OtherOwner, RootCauses = [RootCause.StaffError] },
            new() { Skip = 2, Take = 3 },
            new() { Take = 0 },
        };

        foreach (var query in queries)
        {
            var page = await store.QueryAsync(query);
            page.Select(StoreHarness.Json).Should().Equal(
                all.Where(query.Matches).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id.Value).Skip(query.Skip).Take(query.Take).Select(StoreHarness.Json),
                "query {0} returns the reference matches in order", query);
        }
    }

    /// <summary>Query, an action that changed state and deadline: is found by its new state and due time, not its old ones.</summary>
    [Fact]
    public async Task Query_ActionChangedAfterSave_IsFoundByItsNewValues()
    {
        var store = await CreateEmptyStoreAsync();
        var history = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start);
        await history.SaveEachAsync(store);
        var completed = history.Complete();
        await store.SaveAsync(completed.LastChange());

        (await store.QueryAsync(new CorrectiveActionQuery { States = [CorrectiveActionState.Open] })).Should().BeEmpty();
        (await store.QueryAsync(new CorrectiveActionQuery { States = [CorrectiveActionState.Completed] })).Should().ContainSingle();
        (await store.QueryAsync(new CorrectiveActionQuery { DueBefore = history.Action.DueAt.AddSeconds(1) })).Should().BeEmpty("the completion deadline no longer runs");
        (await store.QueryAsync(new CorrectiveActionQuery { DueBefore = completed.Action.VerifyDueAt!.Value.AddSeconds(1) })).Should().ContainSingle();
    }

    /// <summary>Due alarms, at several times over varied actions: are the reference alarms, earliest first, at most the number asked.</summary>
    [Fact]
    public async Task DueAlarms_AtSeveralTimes_AreTheReferenceAlarmsEarliestFirst()
    {
        var store = await CreateEmptyStoreAsync();
        var all = await SeedVariedActions(store);

        foreach (var days in new[] { 0, 10, 13, 15, 20, 40, 400 })
        {
            var now = CorrectiveActionHistory.Start.AddDays(days);
            var expected = all.Select(a => CorrectiveActionAlarms.Due(a, now)).OfType<DueCorrectiveActionAlarm>()
                .OrderBy(d => d.DueAt).ThenBy(d => d.ActionId.Value).ToArray();

            (await store.ReadDueAlarmsAsync(now, 100)).Should().Equal(expected, "the alarms due {0} days after the start", days);
            (await store.ReadDueAlarmsAsync(now, 2)).Should().Equal(expected.Take(2));
        }
    }

    /// <summary>Due alarms, once the warning and then the breach are recorded: the warning gives way to the breach, and then nothing is due.</summary>
    [Fact]
    public async Task DueAlarms_WarningThenBreachRecorded_AreDueNoMore()
    {
        var store = await CreateEmptyStoreAsync();
        var history = CorrectiveActionHistory.Propose(CorrectiveActionHistory.Start, dueIn: TimeSpan.FromDays(10));
        await history.SaveEachAsync(store);
        var warningTime = history.Action.Due.WarnAt!.Value;

        (await store.ReadDueAlarmsAsync(warningTime, 10)).Should().Equal(
            new DueCorrectiveActionAlarm(history.Action.Id, CorrectiveActionDeadlineKind.Completion, DeadlineAlarm.Warning, warningTime));
        var warned = history.Warn();
        await store.SaveAsync(warned.LastChange());
        (await store.ReadDueAlarmsAsync(warningTime, 10)).Should().BeEmpty();
        (await store.ReadDueAlarmsAsync(history.Action.DueAt, 10)).Should().Equal(
            new DueCorrectiveActionAlarm(history.Action.Id, CorrectiveActionDeadlineKind.Completion, DeadlineAlarm.Breach, history.Action.DueAt));
        await store.SaveAsync(warned.Breach().LastChange());
        (await store.ReadDueAlarmsAsync(history.Action.DueAt.AddYears(1), 10)).Should().BeEmpty();
    }

    /// <summary>
    /// Saves a varied set: open, awaiting approval, completed (verification running), verified, ineffective, declined,
    /// cancelled, warned and breached; owners, departments, causes, kinds and proposal times differ, two share a time.
    /// </summary>
    private static async Task<IReadOnlyList<CorrectiveAction>> SeedVariedActions(ICorrectiveActionStore store)
    {
        var s = CorrectiveActionHistory.Start;
        var sharedCase = ComplaintId.New(s);
        var histories = new[]
        {
            CorrectiveActionHistory.Propose(s),
            CorrectiveActionHistory.Propose(s.AddDays(1), approvalRole: "general-manager", cause: RootCause.StaffError, owner: OtherOwner),
            CorrectiveActionHistory.Propose(s.AddDays(1), cause: RootCause.ProductDefect, department: Quality, cases: [sharedCase, ComplaintId.New(s)]).Complete(),
            CorrectiveActionHistory.Propose(s.AddDays(2), kind: CorrectiveActionKind.Preventive, cases: [sharedCase]).Complete().Verify(effective: true),
            CorrectiveActionHistory.Propose(s.AddDays(3), cause: RootCause.StaffError, owner: OtherOwner, department: Quality).Complete().Verify(effective: false),
            CorrectiveActionHistory.Propose(s.AddDays(4), approvalRole: "manager").Decline(),
            CorrectiveActionHistory.Propose(s.AddDays(5), dueIn: TimeSpan.FromDays(5)).Cancel("Superseded."),
            CorrectiveActionHistory.Propose(s.AddDays(6), dueIn: TimeSpan.FromDays(8)).Warn(),
            CorrectiveActionHistory.Propose(s.AddDays(7), dueIn: TimeSpan.FromDays(3), kind: CorrectiveActionKind.Preventive).Warn().Breach(),
            CorrectiveActionHistory.Propose(s.AddDays(8), approvalRole: "general-manager", dueIn: TimeSpan.FromDays(30)).Approve().Progress("半数完成"),
        };

        foreach (var history in histories)
        {
            await history.SaveEachAsync(store);
        }

        return [.. histories.Select(h => h.Action)];
    }
}
