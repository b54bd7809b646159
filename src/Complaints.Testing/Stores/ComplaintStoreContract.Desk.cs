using Complaints.Ports;
using FluentAssertions;
using Xunit;

namespace Complaints.Testing.Stores;

/// <summary>The desk query (<see cref="IComplaintStore.QueryDeskAsync"/>) against its reference semantics, <see cref="DeskQuery.ReasonsFor"/>.</summary>
public abstract partial class ComplaintStoreContract
{
    /// <summary>Desk, every criterion alone and OR-ed: matches the reference, reasons and order included.</summary>
    [Fact]
    public async Task Desk_EveryCriterionAloneAndOred_MatchesTheReference()
    {
        var (all, store, now) = await SeededDesk();
        var departments = all.Where(c => c.Department is not null).Select(c => c.Department!.Value).Distinct().ToArray();
        var handler1 = StoreHarness.Handler.Id;
        var handler2 = StoreHarness.OtherHandler.Id;

        var queries = new Dictionary<string, DeskQuery>
        {
            ["nothing asked"] = new() { Now = now },
            ["assigned to handler-1"] = new() { AssignedTo = handler1, Now = now },
            ["assigned to handler-2"] = new() { AssignedTo = handler2, Now = now },
            ["assigned to nobody"] = new() { AssignedTo = new ActorId("nobody"), Now = now },
            ["approval by manager"] = new() { ApprovalRoles = ["manager"], Now = now },
            ["approval by MANAGER"] = new() { ApprovalRoles = ["MANAGER"], Now = now },
            ["approval by general-manager"] = new() { ApprovalRoles = ["general-manager"], Now = now },
            ["approval by Manager or General-Manager"] = new() { ApprovalRoles = ["Manager", "General-Manager"], Now = now },
            ["approval by no role"] = new() { ApprovalRoles = [], Now = now },
            ["approval by handler"] = new() { ApprovalRoles = ["handler"], Now = now },
            ["awaiting triage"] = new() { AwaitingTriage = true, Now = now },
            ["overdue nowhere"] = new() { OverdueIn = new DepartmentId("nowhere"), Now = now },
            ["overdue at the start"] = new() { OverdueIn = departments[0], Now = StoreHarness.Start },
            ["handler-1, all reasons"] = new() { AssignedTo = handler1, ApprovalRoles = ["manager"], AwaitingTriage = true, OverdueIn = departments[0], Now = now },
            ["handler-2 and triage"] = new() { AssignedTo = handler2, AwaitingTriage = true, Now = now },
            ["approvals and triage"] = new() { ApprovalRoles = ["general-manager", "manager"], AwaitingTriage = true, Now = now },
            ["handler-1, visible to handler-1"] = new() { AssignedTo = handler1, ApprovalRoles = ["manager"], VisibleTo = new CaseVisibility(handler1, null, ["manager"]), Now = now },
            ["triage, visible to the front desk"] = new() { AwaitingTriage = true, VisibleTo = new CaseVisibility(A.Receiver().Id, null, []), Now = now },
            ["triage, visible to the kiosk"] = new() { AwaitingTriage = true, VisibleTo = new CaseVisibility(Kiosk.Id, Kiosk.Department, Kiosk.Roles), Now = now },
            ["everything, visible to a stranger"] = new() { AssignedTo = handler1, ApprovalRoles = ["manager"], AwaitingTriage = true, OverdueIn = departments[0], VisibleTo = new CaseVisibility(new ActorId("stranger"), new DepartmentId("nowhere"), ["nobody"]), Now = now },
            ["approvals, visible to a MANAGER"] = new() { ApprovalRoles = ["manager", "general-manager"], VisibleTo = new CaseVisibility(new ActorId("boss"), null, ["MANAGER"]), Now = now },
        };
        foreach (var department in departments)
        {
            queries[$"overdue in {department}"] = new() { OverdueIn = department, Now = now };
            queries[$"overdue in {department}, visible to its own"] = new() { OverdueIn = department, VisibleTo = new CaseVisibility(new ActorId("clerk"), department, []), Now = now };
            queries[$"overdue in {department} or handler-2's"] = new() { OverdueIn = department, AssignedTo = handler2, Now = now };
        }

        foreach (var (name, query) in queries)
        {
            await ShouldMatchDeskReference(store, all, query, name);
        }

        var found = queries.Values.SelectMany(q => DeskReference(all, q with { Take = 1000 })).ToArray();
        foreach (var reason in new[] { DeskReasons.Assigned, DeskReasons.AwaitingApproval, DeskReasons.AwaitingTriage, DeskReasons.Overdue })
        {
            found.Should().Contain(d => d.Reasons.HasFlag(reason), "the cases are varied enough that every reason ({0}) is found", reason);
        }

        found.Should().Contain(d => d.Reasons != DeskReasons.None && (d.Reasons & (d.Reasons - 1)) != 0, "some case is on a desk for two reasons at once");
        queries.Values.Select(q => DeskReference(all, q with { Take = 1000 }).Length).Distinct().Should().HaveCountGreaterThan(8, "the cases are varied enough to tell the criteria apart");
    }

    /// <summary>Desk, overdue: judged against <see cref="DeskQuery.Now"/>; a deadline due exactly then is not yet overdue.</summary>
    [Fact]
    public async Task Desk_Overdue_DueAtNowIsNotOverdueOneTickLaterItIs()
    {
        var (all, store, _) = await SeededDesk();
        var candidates = all.Where(c => c.Department is not null && c.NextDeadline is not null).ToArray();
        candidates.Should().NotBeEmpty("some routed case has a deadline running");

        foreach (var c in candidates.Take(6))
        {
            var due = c.NextDeadline!.DueAt;
            var atDue = new DeskQuery { OverdueIn = c.Department, Now = due, Take = 1000 };
            var justAfter = atDue with { Now = due.AddTicks(1) };

            (await store.QueryDeskAsync(atDue)).Select(d => d.Complaint.Id).Should().NotContain(c.Id, "a deadline due at Now is not overdue");
            (await store.QueryDeskAsync(justAfter)).Should().ContainSingle(d => d.Complaint.Id == c.Id)
                .Which.Reasons.Should().Be(DeskReasons.Overdue);
            await ShouldMatchDeskReference(store, all, atDue, $"overdue at {due:O}");
            await ShouldMatchDeskReference(store, all, justAfter, $"overdue at {due:O} + 1 tick");
        }
    }

    /// <summary>
    /// Desk, order and paging: by the next deadline's due time, cases without one (ended, paused, none left) last, then
    /// receipt time, then id; pages cut that order.
    /// </summary>
    [Fact]
    public async Task Desk_OrderedByNextDeadlineNoneLastThenReceiptThenId_AndPaged()
    {
        var (all, store, now) = await SeededDesk();
        var desk = new DeskQuery
        {
            AssignedTo = StoreHarness.Handler.Id,
            ApprovalRoles = ["manager", "general-manager"],
            AwaitingTriage = true,
            OverdueIn = all.First(c => c.Department is not null).Department,
            Now = now,
        };
        var pages = new (int Skip, int Take)[] { (0, 1000), (0, 1), (0, 3), (1, 2), (2, 4), (5, 5), (7, 50), (1000, 10) };
        foreach (var (skip, take) in pages)
        {
            await ShouldMatchDeskReference(store, all, desk with { Skip = skip, Take = take }, $"skip {skip} take {take}");
        }

        var whole = await store.QueryDeskAsync(desk with { Take = 1000 });
        whole.Should().Contain(d => d.Complaint.NextDeadline == null, "some case on the desk has no running deadline")
            .And.Contain(d => d.Complaint.NextDeadline != null);
        var firstWithout = whole.ToList().FindIndex(d => d.Complaint.NextDeadline == null);
        whole.Skip(firstWithout).Should().OnlyContain(d => d.Complaint.NextDeadline == null, "cases without a deadline come last");
        whole.Select(d => d.Complaint.NextDeadline?.DueAt).Take(firstWithout).Should().BeInAscendingOrder();

        var paged = new List<DeskItem>();
        for (var skip = 0; skip < whole.Count; skip += 4)
        {
            paged.AddRange(await store.QueryDeskAsync(desk with { Skip = skip, Take = 4 }));
        }

        paged.Select(d => d.Complaint.Id).Should().Equal(whole.Select(d => d.Complaint.Id), "pages of four read the whole desk once, in order");
    }

    /// <summary>
    /// Desk, many approval roles: a reader holding more roles than a store reads one by one (the SQL stores look more than
    /// 16 up together) gets the same desk, in the same order and pages.
    /// </summary>
    [Fact]
    public async Task Desk_ManyApprovalRoles_MatchTheReference()
    {
        var (all, store, now) = await SeededDesk();
        var roles = Enumerable.Range(0, 40).Select(i => $"role-{i}").Concat(["Manager", "GENERAL-MANAGER", "manager"]).ToArray();
        var desk = new DeskQuery { ApprovalRoles = roles, AwaitingTriage = true, Now = now };
        DeskReference(all, desk with { Take = 1000 }).Should().Contain(d => d.Reasons.HasFlag(DeskReasons.AwaitingApproval), "some case awaits one of the roles");
        foreach (var (skip, take) in new (int Skip, int Take)[] { (0, 1000), (0, 3), (2, 5) })
        {
            await ShouldMatchDeskReference(store, all, desk with { Skip = skip, Take = take }, $"40 roles and more, skip {skip} take {take}");
        }
    }

    /// <summary>Desk, ended cases: a handler's closed, withdrawn, rejected or redirected cases are not on their desk.</summary>
    [Fact]
    public async Task Desk_EndedCases_AreNotOnAnyoneSDesk()
    {
        var (all, store, now) = await SeededDesk();
        var ended = all.Where(c => c.IsFinal).ToArray();
        ended.Should().Contain(c => c.Assignee != null, "some ended case had a handler");

        foreach (var handler in all.Where(c => c.Assignee is not null).Select(c => c.Assignee!.Id).Distinct())
        {
            var desk = await store.QueryDeskAsync(new DeskQuery { AssignedTo = handler, AwaitingTriage = true, Now = now, Take = 1000 });
            desk.Should().NotContain(d => d.Complaint.IsFinal, "{0}'s desk holds no ended case", handler);
            desk.Where(d => d.Reasons.HasFlag(DeskReasons.Assigned)).Select(d => d.Complaint.Id).Should()
                .BeEquivalentTo(all.Where(c => c.Assignee?.Id == handler && !c.IsFinal).Select(c => c.Id));
        }

        foreach (var department in ended.Where(c => c.Department is not null).Select(c => c.Department!.Value).Distinct())
        {
            var overdue = await store.QueryDeskAsync(new DeskQuery { OverdueIn = department, Now = now.AddYears(10), Take = 1000 });
            overdue.Should().NotContain(d => d.Complaint.IsFinal, "an ended case in {0} is never overdue", department);
        }
    }

    /// <summary>Desk, randomised queries (a fixed seed): every one matches the reference, reasons and order included.</summary>
    [Fact]
    public async Task Desk_RandomQueries_MatchTheReference()
    {
        var (all, store, now) = await SeededDesk();
        var random = new Random(20261207);
        var actors = all.Select(c => c.Assignee?.Id).OfType<ActorId>().Concat(all.Select(c => c.ReceivedBy.Id)).Append(new ActorId("nobody")).Distinct().ToArray();
        var departments = all.Select(c => c.Department).OfType<DepartmentId>().Append(new DepartmentId("nowhere")).Distinct().ToArray();
        string[] roles = ["manager", "MANAGER", "general-manager", "General-Manager", "handler", "coordinator", "nobody"];
        var times = all.SelectMany(c => c.Deadlines.Select(d => d.DueAt)).SelectMany(t => new[] { t, t.AddTicks(1), t.AddTicks(-1) }).Append(now).Append(StoreHarness.Start).ToArray();
        T Pick<T>(T[] from) => from[random.Next(from.Length)];
        T[] Some<T>(T[] from) => [.. from.Where(_ => random.Next(3) == 0)];

        for (var i = 0; i < 150; i++)
        {
            var query = new DeskQuery
            {
                AssignedTo = random.Next(2) == 0 ? Pick(actors) : null,
                ApprovalRoles = random.Next(2) == 0 ? Some(roles) : null,
                AwaitingTriage = random.Next(3) == 0,
                OverdueIn = random.Next(2) == 0 ? Pick(departments) : null,
                Now = Pick(times),
                VisibleTo = random.Next(3) == 0 ? new CaseVisibility(Pick(actors), random.Next(2) == 0 ? Pick(departments) : null, Some(roles)) : null,
                Skip = random.Next(4) == 0 ? random.Next(6) : 0,
                Take = random.Next(4) == 0 ? random.Next(1, 6) : 50,
            };
            await ShouldMatchDeskReference(store, all, query, $"random #{i}: {query}");
        }
    }

    private async Task<(IReadOnlyList<Complaint> All, IComplaintStore Store, DateTimeOffset Now)> SeededDesk()
    {
        var h = await NewHarness();
        var ids = await SeedVariedCases(h);
        return (await LoadAll(h.Store, ids), h.Store, h.Time.GetUtcNow());
    }

    /// <summary>The reference desk: <see cref="DeskQuery.ReasonsFor"/> over every case, in desk order, then the page.</summary>
    private static DeskItem[] DeskReference(IReadOnlyList<Complaint> all, DeskQuery query) =>
        all.Select(c => new DeskItem(c, query.ReasonsFor(c)))
            .Where(d => d.Reasons != DeskReasons.None)
            .OrderBy(d => d.Complaint.NextDeadline is null)
            .ThenBy(d => d.Complaint.NextDeadline?.DueAt)
            .ThenBy(d => d.Complaint.ReceivedAt)
            .ThenBy(d => d.Complaint.Id.Value.ToString("D"), StringComparer.Ordinal)
            .Skip(query.Skip)
            .Take(query.Take)
            .ToArray();

    private static async Task ShouldMatchDeskReference(IComplaintStore store, IReadOnlyList<Complaint> all, DeskQuery query, string name)
    {
        var expected = DeskReference(all, query);

        var page = await store.QueryDeskAsync(query);

        page.Select(d => (d.Complaint.Id, d.Reasons)).Should().Equal(expected.Select(d => (d.Complaint.Id, d.Reasons)), "desk \"{0}\" holds what DeskQuery.ReasonsFor selects, in desk order", name);
        page.Select(d => StoreHarness.Json(d.Complaint)).Should().Equal(expected.Select(d => StoreHarness.Json(d.Complaint)), "desk \"{0}\" returns the cases as stored", name);
    }
}
