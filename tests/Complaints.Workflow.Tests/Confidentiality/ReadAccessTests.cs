using Complaints.Commands;
using Complaints.Ports;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Confidentiality;

/// <summary>
/// The reads a person makes of cases: what they may do next, which cases they find, and the access audit — each
/// limited by who they are and how they stand to the case.
/// </summary>
public sealed class ReadAccessTests
{
    private static readonly Actor HandlerCoordinator = Handler with { Roles = [ComplaintRoles.Handler, ComplaintRoles.Coordinator] };

    [Fact]
    public async Task AllowedActions_OfACoordinator_AreWhatTheyMayDoNow()
    {
        var h = new Harness();
        var id = await h.Receive();

        var actions = await h.Service.GetAllowedActionsAsync(id, Coordinator);

        actions.Should().Contain([ComplaintAction.Triage, ComplaintAction.Reject, ComplaintAction.Withdraw]).And.NotContain(ComplaintAction.Assign);
    }

    [Fact]
    public async Task AllowedActions_OfTheAccused_AreNone_EvenWithARoleThatWouldPermitThem()
    {
        var h = new Harness();
        var accusedCoordinator = Accused with { Roles = [ComplaintRoles.Coordinator] };
        var id = await h.Receive();

        var actions = await h.Service.GetAllowedActionsAsync(id, accusedCoordinator);

        actions.Should().BeEmpty("the person complained about may not act on the complaint");
    }

    [Fact]
    public async Task AllowedActions_OfAHandlerWhoRecused_AreNone_EvenWithARoleThatWouldPermitThem()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        await h.Do(id, Coordinator, new Assign(HandlerCoordinator));
        await h.Do(id, HandlerCoordinator, new Recuse("My brother-in-law sold the pads."));

        var actions = await h.Service.GetAllowedActionsAsync(id, HandlerCoordinator);

        actions.Should().BeEmpty("who stepped aside may not act on the case again");
        (await h.Service.GetAllowedActionsAsync(id, Coordinator)).Should().Contain(ComplaintAction.Assign, "another coordinator may");
    }

    [Fact]
    public async Task AllowedActions_OfSomeoneWhoMayNotSeeTheCase_AreRefusedAndAudited()
    {
        var h = new Harness();
        var id = await h.Receive();

        var act = () => h.Service.GetAllowedActionsAsync(id, Outsider);

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("they did not receive or handle it");
        (await h.Service.GetAuditAsync(Auditor, new AuditQuery { ComplaintId = id, Kind = AuditKind.Refused }))
            .Should().ContainSingle().Which.Actor.Should().Be(Outsider.Id);
    }

    [Fact]
    public async Task Query_ByAReaderWithARoleThatSeesEveryCaseAmongOthers_FindsEveryCase()
    {
        var h = new Harness();
        await h.Receive();
        await h.Receive(Harness.ProductIntake());
        var staffAndGeneralManager = Outsider with { Roles = [ComplaintRoles.Staff, ComplaintRoles.GeneralManager] };

        (await h.Service.QueryAsync(staffAndGeneralManager, new ComplaintQuery())).Should().HaveCount(2);
        (await h.Service.QueryAsync(Outsider, new ComplaintQuery())).Should().BeEmpty("with the staff role alone they see none of them");
    }

    [Fact]
    public async Task Get_ByTheLibrarysOwnActor_SeesTheCase()
    {
        var h = new Harness();
        var id = await h.Receive();
        var system = new Actor(new ActorId("deadline-worker"), "Deadline worker", [ComplaintRoles.Staff, "SYSTEM"]);

        (await h.Sees(id, system)).Should().BeTrue();
    }

    [Fact]
    public async Task Audit_ByAReaderWithAnAuditRoleAmongOthers_IsAllowed()
    {
        var h = new Harness();
        var staffAndAuditor = Outsider with { Roles = [ComplaintRoles.Staff, ComplaintRoles.Auditor] };

        (await h.Service.GetAuditAsync(staffAndAuditor, new AuditQuery())).Should().BeEmpty();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 1000)]
    [InlineData(5, 100)]
    public async Task Audit_APageWithinTheLimits_IsRead(int skip, int take)
    {
        var h = new Harness();

        var read = () => h.Service.GetAuditAsync(Auditor, new AuditQuery { Skip = skip, Take = take });

        await read.Should().NotThrowAsync();
    }

    [Theory]
    [InlineData(-1, 100, "Query.Skip: must not be negative.")]
    [InlineData(0, 0, "Query.Take: must be between 1 and 1000.")]
    [InlineData(0, 1001, "Query.Take: must be between 1 and 1000.")]
    public async Task Audit_APageOutOfRange_IsAValidationErrorNamingTheField(int skip, int take, string error)
    {
        var h = new Harness();

        var read = () => h.Service.GetAuditAsync(Auditor, new AuditQuery { Skip = skip, Take = take });

        (await read.Should().ThrowAsync<ComplaintValidationException>()).Which.Message.Should().Contain(error);
    }

    [Fact]
    public async Task Audit_WithoutAQuery_IsAValidationError()
    {
        var h = new Harness();

        var read = () => h.Service.GetAuditAsync(Auditor, null!);

        (await read.Should().ThrowAsync<ComplaintValidationException>()).Which.Message.Should().Contain("Query: is required.");
    }

    [Fact]
    public async Task Reads_WithoutAReader_AreAValidationErrorNamingTheReader()
    {
        var h = new Harness();
        var id = await h.Receive();

        (await FluentActions.Awaiting(() => h.Service.GetAuditAsync(null!, new AuditQuery())).Should().ThrowAsync<ComplaintValidationException>())
            .Which.Message.Should().Contain("Reader");
        (await FluentActions.Awaiting(() => h.Service.GetAsync(id, null!)).Should().ThrowAsync<ComplaintValidationException>())
            .Which.Message.Should().Contain("Reader");
    }

    [Fact]
    public async Task Guidance_ForAReaderWhoMayNotSeeTheIdentity_KeepsTheAdviceButNotTheValuesTheRulesSaw()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged); // routed to sales, the accused's department

        var full = await h.Service.GetGuidanceAsync(id, Coordinator);
        var shown = await h.Service.GetGuidanceAsync(id, SalesClerk);

        full.Explanation.Rules.Should().ContainSingle().Which.Detail.Should().Contain("Liu Yang");
        shown.Advice.Should().Equal(full.Advice);
        shown.Explanation.Rules.Should().ContainSingle().Which.Detail.Should().BeNull();
    }

    [Fact]
    public async Task Query_ShowingConfidentialComplainants_PutsEachReadOnTheAuditLog_AndARedactedOneNot()
    {
        var h = new Harness();
        var first = await h.DriveTo(ComplaintState.Triaged);
        var second = await h.DriveTo(ComplaintState.Triaged);

        await h.Service.QueryAsync(Coordinator, new ComplaintQuery());
        (await h.Service.QueryAsync(SalesClerk, new ComplaintQuery())).Should().HaveCount(2, "sales sees both, redacted");

        (await h.Service.GetAuditAsync(Auditor, new AuditQuery { Kind = AuditKind.IdentityRead }))
            .Select(r => (r.Actor, r.ComplaintId)).Should().BeEquivalentTo([(Coordinator.Id, (ComplaintId?)first), (Coordinator.Id, second)]);
    }

    public static TheoryData<string, ComplaintIntake, bool> Confidentiality() => new()
    {
        { "a named customer's complaint about a staff member", Harness.Intake(), true },
        { "a named customer without contact details, about a staff member", Harness.Intake(complainant: new Complainant("Liu Yang", new ContactDetails())), true },
        { "about a staff member whose department is not named", Harness.Intake(subject: new ComplaintSubject(SubjectKind.StaffMember, "Wang", null, Accused.Id)), true },
        { "about a product of a department the policy hides complainants from", Harness.ProductIntake(), true },
        { "about a product of no department", Harness.Intake(subject: new ComplaintSubject(SubjectKind.Product, "Brake pads")), false },
        { "anonymous, with no way to reach them", Harness.Intake(complainant: new Complainant(null, new ContactDetails())), false },
        { "anonymous, with a phone number", Harness.Intake(complainant: new Complainant(null, new ContactDetails(Phone: "+86 138 0000 0000"))), true },
    };

    [Theory]
    [MemberData(nameof(Confidentiality))]
    public async Task Read_OfAComplainantThePolicyHidesFromSomeone_IsAudited_AndOtherwiseNot(string scenario, ComplaintIntake intake, bool audited)
    {
        _ = scenario;
        var h = new Harness();
        var id = await h.Receive(intake);

        await h.Service.GetAsync(id, Coordinator);
        await h.Service.QueryAsync(Coordinator, new ComplaintQuery());

        (await h.Service.GetAuditAsync(Auditor, new AuditQuery { Kind = AuditKind.IdentityRead })).Should().HaveCount(audited ? 2 : 0);
    }
}
