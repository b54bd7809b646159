using Complaints.Rules;

namespace Complaints.Testing.Tests.Builders;

public sealed class ComplaintBuilderTests
{
    [Fact]
    public void Build_Defaults_AreNeutralForTheGenericPack()
    {
        var complaint = A.Complaint().Build();
        var pack = PolicyPacks.LoadBuiltIn("generic");

        complaint.State.Should().Be(ComplaintState.Received);
        complaint.Intake.Kind.Should().Be(ComplaintKind.Complaint);
        complaint.Intake.Channel.Should().Be(Channel.Email);
        complaint.Intake.Complainant.IsAnonymous.Should().BeFalse();
        complaint.ReceivedAt.Should().Be(ComplaintBuilder.DefaultReceivedAt);
        pack.DecideAdmissibility(complaint).Should().BeAccepted();
        pack.Classify(complaint).Explanation.MatchedRules.Should().BeEmpty("the default complaint should trigger no severity rule");
        pack.Route(complaint).Should().RouteTo("customer-service");
    }

    [Fact]
    public void Build_EveryIntakeSetting_LandsOnTheIntake()
    {
        var intake = A.Complaint()
            .OfKind(ComplaintKind.Report)
            .Via(Channel.Phone)
            .AboutProduct("Brake pads", department: "after-sales", reference: "BP-1")
            .InCategory("billing")
            .Claiming(60_000, "USD")
            .Flagged(ComplaintFlags.SafetyRisk)
            .Flagged(ComplaintFlags.MediaThreat)
            .WithAttribute("licence-plate", "粤A12345")
            .WithEvidence("photo-1.jpg", "the worn pads")
            .Anonymous()
            .Described("The brake pads wore out within a week.")
            .At("Guangzhou")
            .Wanting("A refund")
            .OccurredAt(ComplaintBuilder.DefaultReceivedAt.AddDays(-2))
            .BuildIntake();

        intake.Kind.Should().Be(ComplaintKind.Report);
        intake.Channel.Should().Be(Channel.Phone);
        intake.Subject.Should().Be(new ComplaintSubject(SubjectKind.Product, "Brake pads", new DepartmentId("after-sales"), Reference: "BP-1"));
        intake.Category.Should().Be("billing");
        intake.ClaimedAmount.Should().Be(new Money(60_000, "USD"));
        intake.Flags.Should().Be(ComplaintFlags.SafetyRisk | ComplaintFlags.MediaThreat);
        intake.Attributes.Should().Contain("licence-plate", "粤A12345");
        intake.Evidence.Should().ContainSingle().Which.Reference.Should().Be("photo-1.jpg");
        intake.Complainant.Should().Be(Complainant.Anonymous);
        intake.Description.Should().Be("The brake pads wore out within a week.");
        intake.Location.Should().Be("Guangzhou");
        intake.DesiredRemedy.Should().Be("A refund");
        intake.OccurredAt.Should().Be(ComplaintBuilder.DefaultReceivedAt.AddDays(-2));
    }

    [Fact]
    public void Build_AboutStaff_NamesTheAccusedAndTheirDepartment()
    {
        var complaint = A.Complaint().AboutStaff("wang", department: "sales").Build();

        complaint.Intake.Subject.Kind.Should().Be(SubjectKind.StaffMember);
        complaint.Intake.Subject.Department.Should().Be(new DepartmentId("sales"));
        complaint.IsAccused(new ActorId("wang")).Should().BeTrue();
    }

    [Fact]
    public void Build_FiledByStaff_RecordsTheComplainantAsStaff()
    {
        var complaint = A.Complaint().FiledByStaff("sun").Build();

        complaint.Intake.Complainant.StaffId.Should().Be(new ActorId("sun"));
    }

    [Fact]
    public void Build_CaseSettings_LandOnTheCase()
    {
        var handler = A.Handler("han");
        var complaint = A.Complaint()
            .Claiming(100, "EUR")
            .Classified("billing", Severity.Serious)
            .RoutedTo("finance", "manager")
            .AssignedTo(handler)
            .WithFindings(FindingOutcome.Substantiated, RootCause.ProcessGap, fine: 10_000, recovered: 2_000)
            .WithRemedy(A.Remedy(RemedyKind.Refund, 100, "EUR"))
            .WithRejections(2)
            .EscalatedTo(1)
            .Reopened(1)
            .WithRecusal("li")
            .Build();

        complaint.Category.Should().Be("billing");
        complaint.Severity.Should().Be(Severity.Serious);
        complaint.Department.Should().Be(new DepartmentId("finance"));
        complaint.ResponsibleRole.Should().Be("manager");
        complaint.Assignee.Should().Be(handler);
        complaint.Findings.Should().BeEquivalentTo(new { Outcome = FindingOutcome.Substantiated, Cause = RootCause.ProcessGap, Fine = new Money(10_000, "EUR"), Recovered = new Money(2_000, "EUR") });
        complaint.Remedy!.Amount.Should().Be(new Money(100, "EUR"));
        complaint.CustomerRejections.Should().Be(2);
        complaint.EscalationLevel.Should().Be(1);
        complaint.ReopenCount.Should().Be(1);
        complaint.IsRecused(new ActorId("li")).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Build_WithoutAState_InfersItFromWhatWasSet(Func<ComplaintBuilder, ComplaintBuilder> arrange, ComplaintState expected) =>
        arrange(A.Complaint()).Build().State.Should().Be(expected);

    public static TheoryData<Func<ComplaintBuilder, ComplaintBuilder>, ComplaintState> States() => new()
    {
        { b => b, ComplaintState.Received },
        { b => b.Classified("billing", Severity.General), ComplaintState.Triaged },
        { b => b.RoutedTo("finance"), ComplaintState.Triaged },
        { b => b.AssignedTo(A.Handler()), ComplaintState.Assigned },
        { b => b.WithFindings(FindingOutcome.NotSubstantiated), ComplaintState.Investigating },
        { b => b.WithRejections(1), ComplaintState.Investigating },
        { b => b.WithFindings(FindingOutcome.NotSubstantiated).InState(ComplaintState.Closed), ComplaintState.Closed },
    };

    [Fact]
    public void Build_OralComplaintPastReceipt_CarriesTheReadBack()
    {
        A.Complaint().Via(Channel.Phone).Build().ReadBack.Should().BeNull();
        A.Complaint().Via(Channel.Phone).Classified(Severity.General).Build().ReadBack.Should().NotBeNull();
        A.Complaint().Via(Channel.Email).Classified(Severity.General).Build().ReadBack.Should().BeNull();
    }

    [Fact]
    public void Build_Twice_GivesIndependentCases()
    {
        var builder = A.Complaint().WithAttribute("ward", "3");
        var first = builder.Build();
        builder.WithAttribute("ward", "4");

        first.Intake.Attributes.Should().Contain("ward", "3");
        builder.Build().Id.Should().NotBe(first.Id);
    }
}
