using Complaints.Commands;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Reads;

/// <summary>"My desk": the service asks the store for the actor's cases, scoped and shown as the actor may see them.</summary>
public sealed class DeskTests
{
    // Received Monday 09:30; the 3-working-day resolve deadline of an investigated case ends with Thursday.
    private static readonly DateTimeOffset ResolveDue = new(2026, 3, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetDesk_Coordinator_HoldsCasesAwaitingTriage_AHandlerWhoReceivedOneDoesNot()
    {
        var h = new Harness();
        var byDesk = await h.Receive();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var byHandler = await h.Receive(by: Handler);
        await h.DriveTo(ComplaintState.Triaged);

        var coordinators = (await h.Service.GetDeskAsync(Coordinator)).Items;
        var handlers = (await h.Service.GetDeskAsync(Handler)).Items;
        var receivers = (await h.Service.GetDeskAsync(Receiver)).Items;

        coordinators.Select(d => (d.Complaint.Id, d.Reasons)).Should().Equal((byDesk, DeskReasons.AwaitingTriage), (byHandler, DeskReasons.AwaitingTriage));
        handlers.Should().BeEmpty("a handler may see the case they received, but triage is not theirs");
        receivers.Should().BeEmpty("receiving a case does not put it on the receiver's desk");
    }

    [Fact]
    public async Task GetDesk_ManagerWhoMayTriage_HoldsOnlyTheCasesTheyMaySee()
    {
        var h = new Harness();
        await h.Receive();
        var theirs = await h.Receive(by: Manager);

        var desk = (await h.Service.GetDeskAsync(Manager)).Items;

        desk.Select(d => (d.Complaint.Id, d.Reasons)).Should().Equal((theirs, DeskReasons.AwaitingTriage));
    }

    [Fact]
    public async Task GetDesk_Manager_HoldsTheCasesAwaitingTheirApproval_TheGeneralManagerDoesNotYet()
    {
        var h = new Harness();
        var waiting = await h.DriveTo(ComplaintState.AwaitingApproval);
        await h.DriveTo(ComplaintState.Approved);

        var managers = (await h.Service.GetDeskAsync(Manager)).Items;
        var gms = (await h.Service.GetDeskAsync(GeneralManager)).Items;

        managers.Select(d => (d.Complaint.Id, d.Reasons)).Should().Equal((waiting, DeskReasons.AwaitingApproval));
        gms.Should().BeEmpty("the pending step needs a manager first");
    }

    [Fact]
    public async Task GetDesk_Handlers_HoldTheirCasesAndTheirDepartmentsOverdueOnes()
    {
        var h = new Harness();
        var hans = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake());
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var unassigned = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        await h.DriveTo(ComplaintState.Closed, Harness.ProductIntake());

        (await h.Service.GetDeskAsync(Handler)).Items.Select(d => (d.Complaint.Id, d.Reasons)).Should().Equal((hans, DeskReasons.Assigned));
        (await h.Service.GetDeskAsync(Handler2)).Items.Should().BeEmpty("nothing of the service department is overdue yet");

        h.Time.Advance(TimeSpan.FromDays(4));
        var hanDesk = (await h.Service.GetDeskAsync(Handler)).Items;
        var liDesk = (await h.Service.GetDeskAsync(Handler2)).Items;

        hanDesk.Select(d => d.Complaint.Id).Should().Contain(hans).And.Contain(unassigned);
        hanDesk.Single(d => d.Complaint.Id == hans).Reasons.Should().Be(DeskReasons.Assigned | DeskReasons.Overdue);
        liDesk.Select(d => d.Complaint.Id).Should().Equal(hanDesk.Select(d => d.Complaint.Id), "the same department's overdue cases, in the same order");
        liDesk.Should().OnlyContain(d => d.Reasons == DeskReasons.Overdue);
        (await h.Service.GetDeskAsync(SalesHandler)).Items.Should().BeEmpty("the overdue cases are the service department's");
    }

    [Fact]
    public async Task GetDesk_DeadlineDueExactlyNow_IsNotOverdueUntilTheNextTick()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake());
        (await h.Stored(id)).NextDeadline!.DueAt.Should().Be(ResolveDue);

        h.Time.SetUtcNow(ResolveDue);
        var atDue = (await h.Service.GetDeskAsync(Handler2)).Items;
        h.Time.Advance(TimeSpan.FromTicks(1));
        var justAfter = (await h.Service.GetDeskAsync(Handler2)).Items;

        atDue.Should().BeEmpty();
        justAfter.Select(d => (d.Complaint.Id, d.Reasons)).Should().Equal((id, DeskReasons.Overdue));
    }

    [Fact]
    public async Task GetDesk_ColleagueOfTheAccused_SeesTheOverdueCaseWithTheComplainantWithheld()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged); // about Wang of sales, routed to sales
        h.Time.Advance(TimeSpan.FromDays(30));

        var desk = (await h.Service.GetDeskAsync(SalesClerk)).Items;

        var item = desk.Should().ContainSingle().Which;
        item.Complaint.Id.Should().Be(id);
        item.Reasons.Should().Be(DeskReasons.Overdue);
        item.Complaint.Intake.Complainant.Should().Be(Complainant.Redacted);
        item.Complaint.Intake.Description.Should().NotBeEmpty();
        (await h.Stored(id)).Intake.Complainant.Name.Should().Be("Liu Yang", "redaction never touches the stored case");
        (await h.Service.GetDeskAsync(Coordinator)).Items.Should().BeEmpty("the coordinator's department holds no overdue case and nothing waits for triage");
    }

    [Fact]
    public async Task GetDesk_TheAccused_DoesNotFindTheCaseAgainstThem()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged); // about Wang of sales, routed to sales
        h.Time.Advance(TimeSpan.FromDays(30));

        var clerks = (await h.Service.GetDeskAsync(SalesClerk)).Items;
        var accused = (await h.Service.GetDeskAsync(Accused)).Items;

        clerks.Select(d => d.Complaint.Id).Should().Equal(id);
        accused.Should().BeEmpty("the case is overdue in their department, but they are the one complained about");
    }

    [Fact]
    public async Task GetDesk_ARecusedHandler_DoesNotFindTheCaseTheySteppedAsideFrom()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake());
        await h.Do(id, Handler, new Recuse("The complainant is my neighbour."));
        h.Time.Advance(TimeSpan.FromDays(30));

        var hans = (await h.Service.GetDeskAsync(Handler)).Items;
        var lis = (await h.Service.GetDeskAsync(Handler2)).Items;

        lis.Select(d => (d.Complaint.Id, d.Reasons)).Should().Equal((id, DeskReasons.Overdue));
        hans.Should().BeEmpty("Han recused himself, though the case is overdue in his department");
    }

    [Fact]
    public async Task GetDesk_PagesCutTheDeskInOrder()
    {
        var h = new Harness();
        var ids = new List<ComplaintId>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await h.Receive());
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var whole = (await h.Service.GetDeskAsync(Coordinator)).Items;
        var second = (await h.Service.GetDeskAsync(Coordinator, skip: 2, take: 2)).Items;

        whole.Select(d => d.Complaint.Id).Should().Equal(ids, "the same acknowledgement deadline after receipt: received first, due first");
        second.Select(d => d.Complaint.Id).Should().Equal(ids[2], ids[3]);
    }

    [Fact]
    public async Task GetDesk_CasesPassedOver_AreMadeUpFromTheNextRows_AndNextSkipLeadsThroughTheWholeDesk()
    {
        // Wang of sales is accused in every other overdue case of his department: those are never on his desk, and a page
        // is filled from the rows after them rather than coming back short.
        var h = new Harness();
        var expected = new List<ComplaintId>();
        for (var i = 0; i < 7; i++)
        {
            // Even: a product of the sales department (no one accused); odd: the default complaint about Wang of sales.
            var intake = i % 2 == 0 ? Harness.Intake(subject: new ComplaintSubject(SubjectKind.Product, "Display stand", Sales, Reference: "DS-1")) : null;
            var id = intake is null ? await h.DriveTo(ComplaintState.Triaged) : await h.DriveTo(ComplaintState.Triaged, intake);
            if (intake is not null)
            {
                expected.Add(id);
            }

            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        h.Time.Advance(TimeSpan.FromDays(30));
        var seen = new List<ComplaintId>();
        int? skip = 0;
        while (skip is { } next)
        {
            var page = await h.Service.GetDeskAsync(Accused, next, take: 2);
            page.Items.Count.Should().BeLessThanOrEqualTo(2);
            if (page.NextSkip is not null)
            {
                page.Items.Should().HaveCount(2, "only the desk's last page may be short");
            }

            seen.AddRange(page.Items.Select(d => d.Complaint.Id));
            skip = page.NextSkip;
        }

        seen.Should().Equal(expected, "every case on the desk once, in order, none the accused is named in");
        var whole = await h.Service.GetDeskAsync(Accused, 0, take: 4);
        whole.Items.Select(d => d.Complaint.Id).Should().Equal(expected);
        whole.NextSkip.Should().BeNull("the store's rows ran out while this page was filled");
    }

    [Fact]
    public async Task GetDesk_APageFilledBeforeTheStoresLastRowsRunOut_StillLeadsToThem()
    {
        // Rows in desk order: kept, kept, passed over (Wang is accused), kept, kept. With pages of 3, the first page takes
        // its third case from the store's second read, which still holds one more: NextSkip must lead to it.
        var h = new Harness();
        var expected = new List<ComplaintId>();
        foreach (var kept in new[] { true, true, false, true, true })
        {
            var id = kept
                ? await h.DriveTo(ComplaintState.Triaged, Harness.Intake(subject: new ComplaintSubject(SubjectKind.Product, "Display stand", Sales, Reference: "DS-1")))
                : await h.DriveTo(ComplaintState.Triaged);
            if (kept)
            {
                expected.Add(id);
            }

            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        h.Time.Advance(TimeSpan.FromDays(30));

        var first = await h.Service.GetDeskAsync(Accused, 0, take: 3);
        var second = await h.Service.GetDeskAsync(Accused, first.NextSkip!.Value, take: 3);

        first.Items.Select(d => d.Complaint.Id).Should().Equal(expected.Take(3));
        first.NextSkip.Should().Be(4, "four of the store's rows were read to fill it");
        second.Items.Select(d => d.Complaint.Id).Should().Equal(expected.Skip(3));
        second.NextSkip.Should().BeNull();
    }

    [Fact]
    public async Task GetDesk_APacksOwnTriageRoles_PutItsReceivedCasesOnTheirDesks_AndTakeThemOffOthers()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { TriageRoles = [ComplaintRoles.Handler] };
        var id = await h.Receive(Harness.ProductIntake(), by: Handler);

        (await h.Service.GetDeskAsync(Handler)).Items.Should().ContainSingle(d => d.Complaint.Id == id && d.Reasons == DeskReasons.AwaitingTriage);
        (await h.Service.GetDeskAsync(Coordinator)).Items.Should().BeEmpty("this pack's triage is the handlers', not the coordinators'");
    }

    public static TheoryData<int, int, string> BadPages => new()
    {
        { -1, 50, "Skip" },
        { 0, 0, "Take" },
        { 0, 1001, "Take" },
        { 0, -5, "Take" },
    };

    [Theory]
    [MemberData(nameof(BadPages))]
    public async Task GetDesk_BadPage_IsRefusedNamingTheField(int skip, int take, string field)
    {
        var h = new Harness();
        await h.Receive();

        var act = () => h.Service.GetDeskAsync(Coordinator, skip, take);

        var error = (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Which;
        error.Field.Should().Be(field);
        error.Message.Should().Contain(field == "Skip" ? "must not be negative" : "between 1 and 1000");
    }

    [Fact]
    public async Task GetDesk_TheLargestPage_IsAThousand()
    {
        var h = new Harness();
        var id = await h.Receive();

        (await h.Service.GetDeskAsync(Coordinator, 0, 1000)).Items.Should().ContainSingle(d => d.Complaint.Id == id);
    }

    [Fact]
    public async Task GetDesk_NoActorOrOneWithoutAnId_IsRefusedNamingTheField()
    {
        var h = new Harness();

        var none = () => h.Service.GetDeskAsync(null!);
        var blank = () => h.Service.GetDeskAsync(Handler with { Id = new ActorId(" ") });

        (await none.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Actor");
        (await blank.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Actor.Id");
    }
}
