using Complaints.Policy;

namespace Complaints.Abstractions.Tests;

/// <summary>A decorator decides as its inner policy does, for every member the interface has, default ones included.</summary>
public sealed class ComplaintPolicyDecoratorTests
{
    [Fact]
    public void EveryMemberOfThePort_IsImplementedByTheDecorator_NotLeftToTheInterfacesDefault()
    {
        // A member added to IComplaintPolicy with a default body would otherwise be answered by the default, not the inner policy.
        var map = typeof(ComplaintPolicyDecorator).GetInterfaceMap(typeof(IComplaintPolicy));

        map.TargetMethods.Should().OnlyContain(m => m.DeclaringType == typeof(ComplaintPolicyDecorator) && m.IsVirtual && !m.IsFinal);
        map.TargetMethods.Should().HaveCount(typeof(IComplaintPolicy).GetMethods().Length);
    }

    [Fact]
    public void AMemberNotOverridden_AnswersAsTheInnerPolicy_DefaultMembersIncluded()
    {
        var inner = new Inner();
        IComplaintPolicy decorated = new Renamed(inner);
        var complaint = Case();

        decorated.Identity.Should().Be(new PolicyRef("renamed", "2.0.0"));
        decorated.CalendarName.Should().Be("cn");
        decorated.IntakeSchema.Should().BeSameAs(inner.IntakeSchema);
        decorated.Lifecycle.Should().BeSameAs(inner.Lifecycle);
        decorated.CorrectiveActions.Should().BeSameAs(inner.CorrectiveActions);
        decorated.DecideNotices(complaint, new NoticeEvent("triaged")).Should().BeSameAs(Inner.Notices);
        decorated.Classify(complaint).Should().BeSameAs(Inner.Severity);
    }

    [Fact]
    public void New_WithoutAnInnerPolicy_IsRefused() =>
        FluentActions.Invoking(() => new Renamed(null!)).Should().Throw<ArgumentNullException>().WithParameterName("inner");

    private static Complaint Case() => new()
    {
        Id = ComplaintId.New(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
        Version = 1,
        State = ComplaintState.Received,
        Intake = new ComplaintIntake(ComplaintKind.Complaint, Channel.Phone, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Service, "Delivery"), "Late."),
        ReceivedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        ReceivedBy = new Actor(new ActorId("desk"), "Desk", [ComplaintRoles.Staff]),
        Policy = new PolicyRef("inner", "1.0.0"),
        UpdatedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
    };

    private sealed class Renamed(IComplaintPolicy inner) : ComplaintPolicyDecorator(inner)
    {
        public override PolicyRef Identity => new("renamed", "2.0.0");
    }

    private sealed class Inner : IComplaintPolicy
    {
        private static readonly PolicyExplanation Why = new(new PolicyRef("inner", "1.0.0"), []);

        public static readonly NoticeDecision Notices = new([new Notice(Notice.Complainant, Notifications.NotificationKind.Progress, "told")], Why);

        public static readonly SeverityDecision Severity = new("billing", Complaints.Severity.Serious, ["a large claim"], Why);

        public PolicyRef Identity => new("inner", "1.0.0");

        public string? CalendarName => "cn";

        public IntakeSchema? IntakeSchema { get; } = new([new IntakeAttributeDefinition("ward", IntakeAttributeType.Text)]);

        public LifecycleSettings Lifecycle { get; } = LifecycleSettings.Default with { OnSpotUpTo = Complaints.Severity.Major };

        public Improvement.CorrectiveActionSettings CorrectiveActions { get; } = Improvement.CorrectiveActionSettings.Default with { ApprovalRole = "general-manager" };

        public NoticeDecision DecideNotices(Complaint complaint, NoticeEvent at) => Notices;

        public SeverityDecision Classify(Complaint complaint) => Severity;

        public AdmissibilityDecision DecideAdmissibility(Complaint complaint) => throw new NotSupportedException();

        public RoutingDecision Route(Complaint complaint) => throw new NotSupportedException();

        public DeadlineDecision SetDeadlines(Complaint complaint) => throw new NotSupportedException();

        public RecusalDecision CheckRecusal(Complaint complaint, Actor person) => throw new NotSupportedException();

        public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy) => throw new NotSupportedException();

        public ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader) => throw new NotSupportedException();

        public EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger) => throw new NotSupportedException();

        public RewardDecision DecideReward(Complaint complaint) => throw new NotSupportedException();

        public PenaltyDecision AssessPenalty(Complaint complaint, Actor person, string misconduct) => throw new NotSupportedException();

        public GuidanceDecision AdviseHandling(Complaint complaint) => throw new NotSupportedException();
    }
}
