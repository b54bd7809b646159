namespace Complaints.Rules.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Generic_Loads()
    {
        var pack = PolicyPacks.LoadBuiltIn("generic");
        pack.Identity.Should().Be(new PolicyRef("generic", "1.0.0"));
        var c = new Complaint
        {
            Id = ComplaintId.New(DateTimeOffset.UnixEpoch), Version = 1, State = ComplaintState.Received,
            Intake = new ComplaintIntake(ComplaintKind.Complaint, Channel.Email, Complainant.Anonymous,
                new ComplaintSubject(SubjectKind.StaffMember, "Wang", new DepartmentId("sales"), new ActorId("wang")),
                "The salesman was rude to me.", ClaimedAmount: new Money(20000, "CNY")),
            ReceivedAt = DateTimeOffset.UnixEpoch, ReceivedBy = new Actor(new ActorId("d"), "D", []), Policy = pack.Identity, UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        var s = pack.Classify(c);
        s.Category.Should().Be("service-attitude");
        s.Tier.Should().Be(Severity.Serious);
        pack.Route(c with { Category = s.Category }).Department.Should().Be(new DepartmentId("sales"));
        s.Explanation.Rules.Should().Contain(r => r.Rule == "category-attitude" && r.Matched && r.Detail!.Contains("saw complaint.IntakeCategory=\"\"", StringComparison.Ordinal));
    }
}
