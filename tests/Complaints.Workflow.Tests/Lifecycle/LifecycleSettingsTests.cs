using Complaints.Commands;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Lifecycle;

/// <summary>
/// The policy's <see cref="LifecycleSettings"/> drive the lifecycle of its cases: the commands do what the settings say,
/// and "allowed now" agrees with them; a policy that says nothing keeps today's lifecycle.
/// </summary>
public sealed class LifecycleSettingsTests
{
    private static readonly RemedyProposal SmallRefund = new(RemedyKind.Refund, "Refunded the cover charge.", new Money(80, "CNY"));

    // ---- emergency meetings --------------------------------------------------------------------------------

    [Fact]
    public async Task NoMeetingTiers_MajorComplaintIsProposedWithoutAMeeting()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { EmergencyMeetingTiers = [] };
        var id = await MajorWithFindings(h);

        (await h.Service.GetAllowedActionsAsync(id, GeneralManager)).Should().NotContain(ComplaintAction.RecordEmergencyMeeting);
        var act = () => h.Service.ExecuteAsync(id, GeneralManager, new RecordEmergencyMeeting(["GM"], "Nothing to meet about."));
        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("a tier that needs an emergency meeting, without one yet");

        (await h.Do(id, Handler, new ProposeRemedy(Harness.Compensation))).State.Should().Be(ComplaintState.AwaitingApproval);
    }

    [Fact]
    public async Task SeriousInMeetingTiers_SeriousComplaintNeedsTheMeetingFirst()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { EmergencyMeetingTiers = [Severity.Serious, Severity.Major] };
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake(claim: 20_000));
        await h.Do(id, Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProductDefect, "Faulty batch.")));
        (await h.Stored(id)).Severity.Should().Be(Severity.Serious);

        (await h.Service.GetAllowedActionsAsync(id, Handler)).Should().NotContain(ComplaintAction.ProposeRemedy);
        (await h.Service.GetAllowedActionsAsync(id, GeneralManager)).Should().Contain(ComplaintAction.RecordEmergencyMeeting);
        var act = () => h.Service.ExecuteAsync(id, Handler, new ProposeRemedy(Harness.Compensation));
        (await act.Should().ThrowAsync<InvalidTransitionException>()).Which.UnmetConditions.Should().Contain("emergency meeting held (if its tier needs one)");

        await h.Do(id, GeneralManager, new RecordEmergencyMeeting(["General manager", "Service manager"], "Replace the batch."));
        (await h.Service.GetAllowedActionsAsync(id, Handler)).Should().Contain(ComplaintAction.ProposeRemedy);
        (await h.Do(id, Handler, new ProposeRemedy(Harness.Compensation))).State.Should().Be(ComplaintState.AwaitingApproval);
    }

    [Fact]
    public async Task DefaultSettings_SeriousComplaintNeedsNoMeeting()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake(claim: 20_000));
        await h.Do(id, Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProductDefect, "Faulty batch.")));

        (await h.Do(id, Handler, new ProposeRemedy(Harness.Compensation))).State.Should().Be(ComplaintState.AwaitingApproval);
    }

    [Fact]
    public async Task Driver_FollowsTheMeetingTiers()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { EmergencyMeetingTiers = [Severity.Serious] };

        var serious = await h.DriveTo(ComplaintState.Approved, Harness.ProductIntake(claim: 20_000));
        var major = await h.DriveTo(ComplaintState.Approved, Harness.ProductIntake(flags: ComplaintFlags.SafetyRisk));

        (await h.Stored(serious)).EmergencyMeeting.Should().NotBeNull();
        (await h.Stored(major)).EmergencyMeeting.Should().BeNull("this policy needs no meeting for a major complaint");
    }

    // ---- on-the-spot settlement ----------------------------------------------------------------------------

    [Fact]
    public async Task OnSpotUpToSerious_SeriousComplaintWithinAuthority_IsSettledOnTheSpot()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { OnSpotUpTo = Severity.Serious };
        var id = await h.Receive(Harness.ProductIntake(claim: 20_000));

        var closed = await h.Do(id, Receiver, new ResolveOnSpot(SmallRefund));

        closed.State.Should().Be(ComplaintState.Closed);
        closed.Severity.Should().Be(Severity.Serious);
    }

    [Fact]
    public async Task OnSpotUpToSerious_MajorComplaint_IsRefusedNamingTheLimit()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { OnSpotUpTo = Severity.Serious };
        var id = await h.Receive(Harness.ProductIntake(claim: 50, flags: ComplaintFlags.SafetyRisk));

        var act = () => h.Service.ExecuteAsync(id, Receiver, new ResolveOnSpot(SmallRefund));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("Major").And.Contain("up to Serious");
    }

    [Fact]
    public async Task OnSpotUpToMajor_RemedyNeedingApproval_IsStillRefused()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { OnSpotUpTo = Severity.Major };
        var id = await h.Receive(Harness.ProductIntake(claim: 50, flags: ComplaintFlags.SafetyRisk));

        var act = () => h.Service.ExecuteAsync(id, Receiver, new ResolveOnSpot(SmallRefund));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("needs approval by general-manager").And.Contain("not within the receiver's authority");
        (await h.Stored(id)).State.Should().Be(ComplaintState.Received);
    }

    [Fact]
    public async Task DefaultSettings_SeriousComplaint_IsRefusedOnTheSpot()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.ProductIntake(claim: 20_000));

        var act = () => h.Service.ExecuteAsync(id, Receiver, new ResolveOnSpot(SmallRefund));

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("up to General");
    }

    // ---- triage --------------------------------------------------------------------------------------------

    [Fact]
    public async Task TriageRoles_GrantTriageToThoseRolesInsteadOfTheRules()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { TriageRoles = [ComplaintRoles.Handler] };
        var id = await h.Receive(Harness.ProductIntake(), by: Handler);

        (await h.Service.GetAllowedActionsAsync(id, Coordinator)).Should().NotContain(ComplaintAction.Triage);
        (await h.Service.GetAllowedActionsAsync(id, Handler)).Should().Contain(ComplaintAction.Triage);
        var act = () => h.Service.ExecuteAsync(id, Coordinator, new Triage());
        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("role handler");

        (await h.Do(id, Handler, new Triage())).State.Should().Be(ComplaintState.Triaged);
    }

    [Fact]
    public async Task TriageRoles_GrantTheActionNotSight_AHolderWhoCannotSeeTheCaseIsRefusedUntilTheRoleSeesAll()
    {
        // A triage role triages the cases it can see: those its holders received (the food-service duty manager and the
        // tobacco supervisor are the first receivers), unless the host lets the role see every case.
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { TriageRoles = [ComplaintRoles.Handler] };
        var elsewhere = new Actor(new ActorId("zhou"), "Zhou (warehouse)", [ComplaintRoles.Handler], new DepartmentId("warehouse"));
        var id = await h.Receive(Harness.ProductIntake(), by: Receiver);

        var act = () => h.Service.ExecuteAsync(id, elsewhere, new Triage());

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("they may not see this case");
        h.Options.SeeAllRoles.Add(ComplaintRoles.Handler);
        (await h.Do(id, elsewhere, new Triage())).State.Should().Be(ComplaintState.Triaged);
    }

    [Fact]
    public async Task DefaultSettings_CoordinatorTriagesAndAHandlerMayNot()
    {
        var h = new Harness();
        var id = await h.Receive(Harness.ProductIntake(), by: Handler);

        (await h.Service.GetAllowedActionsAsync(id, Handler)).Should().NotContain(ComplaintAction.Triage);
        (await h.Do(id, Coordinator, new Triage())).State.Should().Be(ComplaintState.Triaged);
    }

    // ---- rewards -------------------------------------------------------------------------------------------

    [Fact]
    public async Task RewardKindsWithComplaint_ClosingAFinedComplaintAsksForTheReward()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { RewardKinds = [ComplaintKind.Complaint, ComplaintKind.Report] };

        var reward = await CloseWithFine(h, ComplaintKind.Complaint);

        reward.Should().NotBeNull();
        reward!.Eligible.Should().BeTrue();
        (reward.Min, reward.Max).Should().Be((new Money(2_000, "CNY"), new Money(5_000, "CNY")));
    }

    [Fact]
    public async Task DefaultSettings_ClosingAFinedComplaintAsksForNoReward()
    {
        var h = new Harness();

        (await CloseWithFine(h, ComplaintKind.Complaint)).Should().BeNull("by default only a report is asked for a reward");
    }

    [Fact]
    public async Task RewardKindsWithComplaint_ASuggestionIsStillNotAsked()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { RewardKinds = [ComplaintKind.Complaint, ComplaintKind.Report] };

        (await CloseWithFine(h, ComplaintKind.Suggestion)).Should().BeNull();
    }

    // ---- sanctions that need confirming --------------------------------------------------------------------

    [Fact]
    public async Task PenaltiesConfirmedBy_AManagersAssessmentIsProposedAndTheGeneralManagersIsInForce()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { PenaltiesConfirmedBy = ComplaintRoles.GeneralManager };
        var id = await h.DriveTo(ComplaintState.Closed);

        var proposed = (await h.Service.ExecuteAsync(id, SalesManager, new AssessAccountability(Handler, Misconduct.LateHandling))).Entries.Single().Event;
        var confirmed = (await h.Service.ExecuteAsync(id, GeneralManager, new AssessAccountability(Handler, Misconduct.LateHandling))).Entries.Single().Event;

        proposed.Should().BeOfType<AccountabilityAssessed>().Which.AwaitingConfirmationBy.Should().Be(ComplaintRoles.GeneralManager);
        confirmed.Should().BeOfType<AccountabilityAssessed>().Which.AwaitingConfirmationBy.Should().BeNull();
        ((AccountabilityAssessed)confirmed).Decision.Sanctions.Should().HaveCount(2);
    }

    [Fact]
    public async Task PenaltiesConfirmedBy_TheConfirmingRoleIsAskedOnceWithoutTheComplainantsIdentity()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { PenaltiesConfirmedBy = ComplaintRoles.GeneralManager };
        var id = await h.DriveTo(ComplaintState.Closed);

        await h.Service.ExecuteAsync(id, SalesManager, new AssessAccountability(Handler, Misconduct.LateHandling));
        await h.Service.ExecuteAsync(id, GeneralManager, new AssessAccountability(Handler, Misconduct.LateHandling));

        var asked = (await h.Store.ReadOutboxAsync(id)).Select(m => m.Notification)
            .Where(n => n.Recipient == Notification.ToRole(ComplaintRoles.GeneralManager) && n.Kind == NotificationKind.ApprovalRequest).ToArray();
        var request = asked.Should().ContainSingle("only the proposed assessment waits for the general manager").Which;
        request.Body.Should().Contain(Misconduct.LateHandling).And.Contain(Handler.Id.Value).And.NotContain("Liu Yang").And.NotContain("138");
    }

    [Fact]
    public async Task PenaltiesConfirmedBy_TheConfirmingRoleMayAssessEvenWithoutTheDefaultPermission()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { PenaltiesConfirmedBy = ComplaintRoles.Coordinator };
        var id = await h.DriveTo(ComplaintState.Closed);

        (await h.Service.GetAllowedActionsAsync(id, Coordinator)).Should().Contain(ComplaintAction.AssessAccountability);
        var assessed = (await h.Service.ExecuteAsync(id, Coordinator, new AssessAccountability(Handler, Misconduct.LateHandling))).Entries.Single().Event;

        assessed.Should().BeOfType<AccountabilityAssessed>().Which.AwaitingConfirmationBy.Should().BeNull();
    }

    [Fact]
    public async Task PenaltiesConfirmedBy_TheWorkersAssessmentOfALateHandlerIsProposed()
    {
        var h = new Harness();
        h.Policy.Lifecycle = LifecycleSettings.Default with { PenaltiesConfirmedBy = ComplaintRoles.GeneralManager };
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(ResolveDue + TimeSpan.FromHours(1));

        await Worker(h).RunOnceAsync();

        var assessed = (await h.Journal(id)).Select(e => e.Event).OfType<AccountabilityAssessed>().Single();
        assessed.AwaitingConfirmationBy.Should().Be(ComplaintRoles.GeneralManager);
        assessed.Decision.Sanctions.Should().NotBeEmpty();
    }

    [Fact]
    public async Task DefaultSettings_EveryAssessmentIsInForce()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Closed);

        var assessed = (await h.Service.ExecuteAsync(id, SalesManager, new AssessAccountability(Handler, Misconduct.LateHandling))).Entries.Single().Event;

        assessed.Should().BeOfType<AccountabilityAssessed>().Which.AwaitingConfirmationBy.Should().BeNull();
        Harness.Json<ComplaintEvent>(assessed).Should().NotContain("awaitingConfirmationBy", "an assessment in force is journalled as before");
    }

    // ---- deadlines due together ----------------------------------------------------------------------------

    // Received Monday 2 March 2026 09:30 UTC; 3 working days end with Thursday.
    private static readonly DateTimeOffset ResolveDue = new(2026, 3, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoDeadlinesDueTogether_AreOneBreach_EscalatedOnceAndAnsweredForOnce()
    {
        var h = new Harness();
        h.Policy.FollowUpDays = 3;
        var id = await h.DriveTo(ComplaintState.Investigating);
        var before = (await h.Journal(id)).Count;
        h.Time.SetUtcNow(ResolveDue + TimeSpan.FromHours(1));

        var recorded = await Worker(h).RunOnceAsync();

        recorded.Should().Be(1, "the follow-up's alarm finds its breach already recorded");
        var events = (await h.Journal(id)).Skip(before).Select(e => e.Event).ToArray();
        events.OfType<DeadlineBreached>().Select(b => (b.Kind, b.DueAt)).Should().BeEquivalentTo([(DeadlineKind.Resolve, ResolveDue), (DeadlineKind.FollowUp, ResolveDue)]);
        events.OfType<Escalated>().Should().ContainSingle();
        events.OfType<AccountabilityAssessed>().Should().ContainSingle();
        var stored = await h.Stored(id);
        stored.EscalationLevel.Should().Be(1);
        stored.Deadlines.Where(d => d.Kind is DeadlineKind.Resolve or DeadlineKind.FollowUp).Should().OnlyContain(d => d.BreachedAt == ResolveDue + TimeSpan.FromHours(1));
        (await Worker(h).RunOnceAsync()).Should().Be(0, "nothing is left to breach");
        ComplaintReplay.Replay(await h.Journal(id)).Should().BeEquivalentTo(stored);
    }

    [Fact]
    public async Task TwoDeadlinesDueTogether_NotifyTheOwnerOfEachAndTheEscalationRoleOnce()
    {
        var h = new Harness();
        h.Policy.FollowUpDays = 3;
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(ResolveDue + TimeSpan.FromHours(1));

        await Worker(h).RunOnceAsync();

        var staff = (await h.Store.ReadOutboxAsync(id)).Select(m => m.Notification).Where(n => n.Kind is NotificationKind.DeadlineBreach or NotificationKind.Escalation).ToArray();
        staff.Where(n => n.Recipient == Notification.ToActor(Handler.Id)).Should().HaveCount(2, "one breach notice per deadline, as before");
        staff.Where(n => n.Recipient == Notification.ToRole(ComplaintRoles.GeneralManager)).Should().ContainSingle("deadlines due together are one breach for the role the escalation names")
            .Which.Kind.Should().Be(NotificationKind.DeadlineBreach);
        staff.Should().NotContain(n => n.Kind == NotificationKind.Escalation, "the escalation role already has the breach notice");
    }

    [Fact]
    public async Task DeadlinesDueAtDifferentTimes_AreSeparateBreaches()
    {
        var h = new Harness();
        h.Policy.FollowUpDays = 4;
        var id = await h.DriveTo(ComplaintState.Investigating);
        h.Time.SetUtcNow(ResolveDue + TimeSpan.FromDays(4));

        await Worker(h).RunOnceAsync();
        await Worker(h).RunOnceAsync();

        var events = (await h.Journal(id)).Select(e => e.Event).ToArray();
        events.OfType<DeadlineBreached>().Should().HaveCount(2);
        events.OfType<AccountabilityAssessed>().Should().HaveCount(2, "two breaches at two moments are two delays");
    }

    private static DeadlineWorker Worker(Harness h) =>
        new(h.Store, h.Service, h.Time, Microsoft.Extensions.Options.Options.Create(new DeadlineWorkerOptions { WorkerId = "w" }));

    private static async Task<ComplaintId> MajorWithFindings(Harness h)
    {
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake(flags: ComplaintFlags.SafetyRisk));
        await h.Do(id, Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProductDefect, "Faulty batch.")));
        (await h.Stored(id)).Severity.Should().Be(Severity.Major);
        return id;
    }

    private static async Task<RewardDecision?> CloseWithFine(Harness h, ComplaintKind kind)
    {
        var intake = Harness.ProductIntake() with { Kind = kind };
        var id = await h.DriveTo(ComplaintState.Investigating, intake);
        await h.Do(id, Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Overcharged.", Fine: new Money(10_000, "CNY"))));
        await h.Do(id, Handler, new ProposeRemedy(new RemedyProposal(RemedyKind.Refund, "Refund the overcharge.", new Money(100, "CNY"))));
        await h.Do(id, Coordinator, new CommunicateDecision(Channel.Letter, "Your complaint was founded."));
        await h.Do(id, Coordinator, new RecordCustomerAcceptance());
        await h.Do(id, Handler, new CompleteImplementation("Refunded."));
        await h.Do(id, Coordinator, new RecordFollowUp(Satisfaction.Satisfied));

        var closed = await h.Service.ExecuteAsync(id, Coordinator, new Close("Founded; refunded."));
        return closed.Entries.Single().Event.Should().BeOfType<ComplaintClosed>().Which.Reward;
    }
}
