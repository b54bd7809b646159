using Complaints.Commands;
using Complaints.Ports;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Reads;

/// <summary>The queries a complaint desk needs, scoped to what the reader may see.</summary>
public sealed class QueryTests
{
    [Fact]
    public async Task Query_ByState_ReturnsOnlyThoseStatesInReceiptOrder()
    {
        var h = new Harness();
        var triaged = await h.DriveTo(ComplaintState.Triaged);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.DriveTo(ComplaintState.Investigating);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var triaged2 = await h.DriveTo(ComplaintState.Triaged);

        var page = await h.Service.QueryAsync(Coordinator, new ComplaintQuery { States = [ComplaintState.Triaged] });

        page.Select(c => c.Id).Should().Equal(triaged, triaged2);
    }

    [Fact]
    public async Task Query_ByAssignee_FindsTheHandlersCases()
    {
        var h = new Harness();
        var mine = await h.DriveTo(ComplaintState.Investigating);
        var other = await h.DriveTo(ComplaintState.Triaged);
        await h.Do(other, Coordinator, new Assign(Handler2));

        var page = await h.Service.QueryAsync(Handler, new ComplaintQuery { Assignee = Handler.Id });

        page.Select(c => c.Id).Should().Equal(mine);
    }

    [Fact]
    public async Task Query_ByDepartment_FindsCasesRoutedThere()
    {
        var h = new Harness();
        var sales = await h.DriveTo(ComplaintState.Triaged);
        await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());

        var page = await h.Service.QueryAsync(Coordinator, new ComplaintQuery { Department = Sales });

        page.Select(c => c.Id).Should().Equal(sales);
    }

    [Fact]
    public async Task Query_AwaitingApprover_FindsCasesWaitingForThatRole()
    {
        var h = new Harness();
        var waiting = await h.DriveTo(ComplaintState.AwaitingApproval);
        await h.DriveTo(ComplaintState.Approved);

        var forManager = await h.Service.QueryAsync(Manager, new ComplaintQuery { AwaitingApprovalByRole = ComplaintRoles.Manager });
        var forGm = await h.Service.QueryAsync(GeneralManager, new ComplaintQuery { AwaitingApprovalByRole = ComplaintRoles.GeneralManager });

        forManager.Select(c => c.Id).Should().Equal(waiting);
        forGm.Should().BeEmpty();
    }

    [Fact]
    public async Task Query_Overdue_FindsOpenCasesPastAnUnmetDeadline()
    {
        var h = new Harness();
        var late = await h.DriveTo(ComplaintState.Investigating);
        var closed = await h.DriveTo(ComplaintState.Closed);

        // Received Monday 09:30; the 3-working-day resolve deadline ends with Thursday.
        h.Time.Advance(TimeSpan.FromDays(4));
        var overdue = await h.Service.QueryAsync(Coordinator, new ComplaintQuery { DueBefore = h.Time.GetUtcNow() });

        overdue.Select(c => c.Id).Should().Equal(late);
        overdue.Should().NotContain(c => c.Id == closed);
        (await h.Stored(late)).NextDeadline!.DueAt.Should().Be(new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Query_ByReceiptPeriod_IsHalfOpen()
    {
        var h = new Harness();
        var first = await h.Receive();
        h.Time.Advance(TimeSpan.FromDays(1));
        var second = await h.Receive();

        var page = await h.Service.QueryAsync(Coordinator, new ComplaintQuery { ReceivedFrom = Harness.Start, ReceivedTo = Harness.Start.AddDays(1) });

        page.Select(c => c.Id).Should().Equal(first);
        _ = second;
    }

    [Fact]
    public async Task Query_ByRestrictedReader_ReturnsOnlyWhatTheyMaySee()
    {
        var h = new Harness();
        var handled = await h.DriveTo(ComplaintState.Assigned);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var unrelated = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        await h.Do(unrelated, Coordinator, new Assign(Handler2));

        var forOutsider = await h.Service.QueryAsync(Outsider, new ComplaintQuery());
        var forHandler = await h.Service.QueryAsync(Handler, new ComplaintQuery());
        var forServiceManager = await h.Service.QueryAsync(Manager, new ComplaintQuery());
        var forAuditor = await h.Service.QueryAsync(Auditor, new ComplaintQuery());

        forOutsider.Should().BeEmpty();
        forHandler.Select(c => c.Id).Should().Equal([handled, unrelated], "Han handles the first and the second is his department's");
        forServiceManager.Select(c => c.Id).Should().Equal(unrelated);
        forAuditor.Should().HaveCount(2);
    }

    [Fact]
    public async Task Query_ResultsForTheAccusedDepartment_AreRedacted()
    {
        var h = new Harness();
        await h.DriveTo(ComplaintState.Triaged);

        var page = await h.Service.QueryAsync(SalesClerk, new ComplaintQuery());

        page.Should().ContainSingle().Which.Intake.Complainant.Should().Be(Complainant.Redacted);
    }

    [Fact]
    public async Task Query_Paging_SkipsAndTakes()
    {
        var h = new Harness();
        var ids = new List<ComplaintId>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await h.Receive());
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var page = await h.Service.QueryAsync(Coordinator, new ComplaintQuery { Skip = 1, Take = 2 });

        page.Select(c => c.Id).Should().Equal(ids[1], ids[2]);
    }

    [Theory]
    [InlineData(-1, 10, "Query.Skip")]
    [InlineData(0, 0, "Query.Take")]
    [InlineData(0, 1001, "Query.Take")]
    public async Task Query_BadPage_IsAValidationErrorNamingTheField(int skip, int take, string field)
    {
        var h = new Harness();

        var act = () => h.Service.QueryAsync(Coordinator, new ComplaintQuery { Skip = skip, Take = take });

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == field);
    }
}
