using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Confidentiality;

/// <summary>
/// Who may act on a case is a subset of who may see it; what each actor gets back — results, journal, refusals —
/// is what they may see; every refusal and every read of a confidential complainant is on the audit log.
/// </summary>
public sealed class CaseAccessTests
{
    /// <summary>A manager of a department the case is not routed to: <see cref="ComplaintService.GetAsync"/> refuses them.</summary>
    private static readonly Actor OtherManager = Manager;

    public static TheoryData<string, ComplaintState> CommandsOnACaseTheyMayNotSee() => new()
    {
        { nameof(Escalate), ComplaintState.Investigating },
        { nameof(Assign), ComplaintState.Triaged },
        { nameof(Reassign), ComplaintState.Assigned },
        { nameof(Reject), ComplaintState.Received },
        { nameof(ExtendDeadline), ComplaintState.Investigating },
        { nameof(AssessAccountability), ComplaintState.Closed },
        { nameof(Reopen), ComplaintState.Closed },
        { nameof(RecordEmergencyMeeting), ComplaintState.Investigating },
    };

    [Theory]
    [MemberData(nameof(CommandsOnACaseTheyMayNotSee))]
    public async Task Command_ByAManagerWhoMayNotSeeTheCase_IsRefusedAndChangesNothing(string command, ComplaintState state)
    {
        var h = new Harness();
        var id = await h.DriveTo(state); // routed to sales; the service manager may not read it
        var before = Harness.Json(await h.Stored(id));
        (await h.Sees(id, OtherManager)).Should().BeFalse();

        var act = () => h.Service.ExecuteAsync(id, OtherManager, Command(command));

        var error = (await act.Should().ThrowAsync<NotPermittedException>()).Which;
        error.Reason.Should().Contain("may not see this case");
        error.Message.Should().NotContain("Liu Yang").And.NotContain(state.ToString(), "someone who may not see the case is not told its state");
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    [Fact]
    public async Task Command_ByTheManagerOfTheCasesDepartment_IsAllowed()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var escalated = await h.Do(id, SalesManager, new Escalate("The customer called twice."));

        escalated.EscalationLevel.Should().Be(1);
    }

    [Fact]
    public async Task CommandResult_ForAnActorWhoMayNotSeeTheIdentity_IsRedactedLikeTheirRead()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating);

        var result = await h.Service.ExecuteAsync(id, SalesManager, new Escalate("The customer called twice."));

        result.Complaint.Intake.Complainant.Should().Be(Complainant.Redacted);
        result.Complaint.Should().BeEquivalentTo(await h.Service.GetAsync(id, SalesManager));
        Harness.Json(result.Entries).Should().NotContain("Liu Yang").And.NotContain("138 0000");
        (await h.Stored(id)).Intake.Complainant.Name.Should().Be("Liu Yang");
    }

    [Fact]
    public async Task Receive_ByTheComplainantThemselves_WithholdsTheReceiverAndTheFirstEntrysActorFromThoseWhoMayNotSeeTheIdentity()
    {
        var h = new Harness();
        var ownComplaint = Harness.Intake(complainant: new Complainant("Sun", new ContactDetails(Phone: "+86 139 1111 2222"), StaffId: SalesClerk.Id));
        var id = await h.Receive(ownComplaint, by: SalesClerk);
        await h.Do(id, Coordinator, new Triage());

        var seen = await h.Service.GetAsync(id, SalesManager);
        var journal = await h.Service.GetJournalAsync(id, SalesManager);

        seen.ReceivedBy.Should().NotBe(SalesClerk);
        seen.ReceivedBy.Name.Should().Be(Complainant.Withheld);
        journal[0].Actor.Should().NotBe(SalesClerk);
        Harness.Json(seen).Should().NotContain("\"sun\"").And.NotContain("Sun (sales)");
        Harness.Json(journal).Should().NotContain("\"sun\"").And.NotContain("Sun (sales)");
        (await h.Service.GetAsync(id, Coordinator)).ReceivedBy.Should().Be(SalesClerk, "a coordinator may see who complained");
    }

    [Fact]
    public async Task AnonymousReport_WithholdsWhoBroughtItIn()
    {
        var h = new Harness();
        var anonymous = Harness.Intake(complainant: Complainant.Anonymous) with { Kind = ComplaintKind.Report };
        var id = await h.Receive(anonymous, by: Receiver);
        await h.Do(id, Coordinator, new Triage());

        var seen = await h.Service.GetAsync(id, SalesManager);

        seen.ReceivedBy.Name.Should().Be(Complainant.Withheld);
        (await h.Service.GetJournalAsync(id, SalesManager))[0].Actor.Name.Should().Be(Complainant.Withheld);
    }

    [Fact]
    public async Task Evidence_ForAReaderWhoMayNotSeeTheIdentity_IsWithheldButCounted()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.Intake() with { Evidence = [new EvidenceReference("liu-yang-receipt.jpg", "Liu Yang's receipt")] });
        await h.Do(id, Handler, new AddEvidence(new EvidenceReference("call-from-liu-yang.wav")));

        var seen = await h.Service.GetAsync(id, SalesManager);
        var journal = await h.Service.GetJournalAsync(id, SalesManager);

        seen.Evidence.Should().HaveCount(2).And.OnlyContain(e => e.Reference == Complainant.Withheld && e.Description == null);
        seen.Intake.Evidence.Should().ContainSingle().Which.Reference.Should().Be(Complainant.Withheld);
        Harness.Json(journal).Should().NotContainAny("liu-yang", "Liu Yang");
        (await h.Service.GetAsync(id, Coordinator)).Evidence.Select(e => e.Reference).Should().Equal("liu-yang-receipt.jpg", "call-from-liu-yang.wav");
    }

    [Fact]
    public async Task ToString_OfACaseAComplainantAndContactDetails_NamesNoOne()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);
        var stored = await h.Stored(id);

        stored.ToString().Should().Contain(id.ToString()).And.Contain("Triaged").And.NotContain("Liu Yang").And.NotContain("138 0000");
        stored.Intake.ToString().Should().NotContain("Liu Yang").And.NotContain("138 0000");
        stored.Intake.Complainant.ToString().Should().NotContain("Liu Yang");
        stored.Intake.Complainant.Contact.ToString().Should().NotContain("138 0000");
    }

    [Fact]
    public async Task Ids_DifferingOnlyInCaseOrSpaces_AreOnePerson()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake() with
        {
            Subject = new ComplaintSubject(SubjectKind.Service, "Brake service", ServiceDept, new ActorId(" LI ")),
        });
        var shouting = Handler2 with { Id = new ActorId("Li") };

        new ActorId("  LIN ").Should().Be(new ActorId("lin"));
        new DepartmentId("Sales ").Should().Be(Sales);
        var assign = () => h.Service.ExecuteAsync(id, Coordinator, new Assign(shouting));

        (await assign.Should().ThrowAsync<RecusalRequiredException>()).Which.Reason.Should().Contain("complained about");
    }

    [Fact]
    public async Task Approve_BothStepsByOnePersonHoldingBothRoles_IsRefusedForTheSecond()
    {
        var h = new Harness();
        var both = new Actor(new ActorId("boss"), "Boss", [ComplaintRoles.Manager, ComplaintRoles.GeneralManager], ServiceDept);
        var id = await ProposedForTwoSteps(h);

        await h.Do(id, both, new Approve("As manager."));
        var again = () => h.Service.ExecuteAsync(id, both, new Approve("As general manager."));

        (await again.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("each step of the approval needs a different person");
        (await h.Stored(id)).PendingApproval!.Role.Should().Be(ComplaintRoles.GeneralManager);
        (await h.Do(id, GeneralManager, new Approve())).State.Should().Be(ComplaintState.Approved);
    }

    [Fact]
    public async Task Approve_BothStepsByOnePerson_IsAllowedWhenThePolicySaysSo()
    {
        var h = new Harness();
        h.Policy.OnePersonMayApproveSeveralSteps = true;
        var both = new Actor(new ActorId("boss"), "Boss", [ComplaintRoles.Manager, ComplaintRoles.GeneralManager], ServiceDept);
        var id = await ProposedForTwoSteps(h);

        await h.Do(id, both, new Approve("As manager."));

        (await h.Do(id, both, new Approve("As general manager."))).State.Should().Be(ComplaintState.Approved);
    }

    [Fact]
    public async Task Refusals_AreOnTheAuditLog_WithWhoTriedWhenAndWhy()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);
        h.Policy.DeclaredConflicts.Add(Handler2.Id);

        var start = h.Time.GetUtcNow();
        await FluentActions.Awaiting(() => h.Service.ExecuteAsync(id, OtherManager, new Assign(Handler))).Should().ThrowAsync<NotPermittedException>();
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await FluentActions.Awaiting(() => h.Service.ExecuteAsync(id, SalesManager, new Assign(Handler2))).Should().ThrowAsync<RecusalRequiredException>();
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await FluentActions.Awaiting(() => h.Service.GetAsync(id, Outsider)).Should().ThrowAsync<NotPermittedException>();

        var audit = await h.Service.GetAuditAsync(Auditor, new AuditQuery { ComplaintId = id, Kind = AuditKind.Refused });
        audit.Select(a => (a.Actor, a.Action)).Should().Equal(
            (OtherManager.Id, ComplaintAction.Assign), (SalesManager.Id, ComplaintAction.Assign), (Outsider.Id, ComplaintAction.View));
        audit.Select(a => a.At).Should().Equal(start, start.AddSeconds(1), start.AddSeconds(2));
        audit.Should().OnlyContain(a => a.ComplaintId == id && !string.IsNullOrEmpty(a.Reason));
        audit[1].Reason.Should().Contain("conflict of interest").And.NotContain("declared", "the reason on record is the redacted one");
    }

    [Fact]
    public async Task AuditLog_IsReadOnlyByItsRoles()
    {
        var h = new Harness();

        var act = () => h.Service.GetAuditAsync(Handler, new AuditQuery());

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("coordinator or auditor");
        (await h.Service.GetAuditAsync(Coordinator, new AuditQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task Read_ShowingAConfidentialComplainant_IsOnTheAuditLog_AndARedactedReadIsNot()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged); // a complaint about Wang: hidden from the accused department
        var start = h.Time.GetUtcNow();

        await h.Service.GetAsync(id, Coordinator);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.Service.GetJournalAsync(id, Auditor);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.Service.QueryAsync(GeneralManager, new ComplaintQuery());
        await h.Service.GetAsync(id, SalesClerk); // redacted: nothing to record

        var reads = await h.Service.GetAuditAsync(Coordinator, new AuditQuery { Kind = AuditKind.IdentityRead });
        reads.Select(r => (r.Actor, r.At, r.ComplaintId)).Should().Equal(
            (Coordinator.Id, start, (ComplaintId?)id),
            (Auditor.Id, start.AddMinutes(5), id),
            (GeneralManager.Id, start.AddMinutes(10), id));
    }

    [Fact]
    public async Task Read_OfACaseNoPolicyRuleHidesTheComplainantOf_IsNotAudited()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake() with
        {
            Subject = new ComplaintSubject(SubjectKind.Product, "Brake pads"), // no department, no person: nobody it is hidden from
        });

        await h.Service.GetAsync(id, Coordinator);

        (await h.Service.GetAuditAsync(Coordinator, new AuditQuery { ComplaintId = id })).Should().BeEmpty();
    }

    [Fact]
    public async Task Explanations_ForAReaderWhoMayNotSeeTheIdentity_KeepTheRulesButNotTheValuesTheySaw()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged);

        var shown = (await h.Service.GetJournalAsync(id, SalesClerk)).Select(e => e.Event).OfType<ComplaintTriaged>().Single();
        var full = (await h.Service.GetJournalAsync(id, Coordinator)).Select(e => e.Event).OfType<ComplaintTriaged>().Single();

        full.DeadlineRules.Explanation.Rules.Should().Contain(r => r.Detail != null);
        shown.DeadlineRules.Explanation.Rules.Select(r => (r.Rule, r.Matched)).Should().Equal(full.DeadlineRules.Explanation.Rules.Select(r => (r.Rule, r.Matched)));
        shown.DeadlineRules.Explanation.Rules.Should().OnlyContain(r => r.Detail == null);
    }

    private static async Task<ComplaintId> ProposedForTwoSteps(Harness h)
    {
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        await h.Do(id, Coordinator, new Assign(Handler));
        await h.Do(id, Handler, new StartInvestigation());
        await h.Do(id, Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProductDefect, "Worn.")));
        await h.Do(id, Handler, new ProposeRemedy(new RemedyProposal(RemedyKind.Compensation, "Replace and compensate", new Money(60_000, "CNY"))));
        (await h.Stored(id)).Approvals.Select(a => a.Role).Should().Equal(ComplaintRoles.Manager, ComplaintRoles.GeneralManager);
        return id;
    }

    private static ComplaintCommand Command(string name) => name switch
    {
        nameof(Escalate) => new Escalate("Called again."),
        nameof(Assign) => new Assign(Handler),
        nameof(Reassign) => new Reassign(Handler2, "Han is on leave."),
        nameof(Reject) => new Reject("Already in court."),
        nameof(ExtendDeadline) => new ExtendDeadline(DeadlineKind.Resolve, Harness.Start.AddDays(30), "Complex."),
        nameof(AssessAccountability) => new AssessAccountability(Handler, Misconduct.LateHandling),
        nameof(Reopen) => new Reopen("The customer called back."),
        nameof(RecordEmergencyMeeting) => new RecordEmergencyMeeting(["GM"], "Recall."),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
