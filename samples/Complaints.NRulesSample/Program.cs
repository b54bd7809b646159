using Complaints;
using Complaints.NRulesSample;
using Complaints.Policy;

// Builds the dealership's rules once, then asks them who approves a remedy, whether a manager must step aside, and
// what a late handler's delay costs, printing each decision with the rules that fired.
var policy = DealershipPolicy.Build();
Console.WriteLine($"{policy} compiled in {policy.CompileTime.TotalMilliseconds:0} ms");

var receiver = new Actor(new ActorId("advisor-1"), "Customer-relations advisor", ["advisor"], new DepartmentId("customer-relations"));
var complaint = new Complaint
{
    Id = new ComplaintId(Guid.Parse("0190a5b1-0000-7000-8000-000000000001")),
    Version = 3,
    State = ComplaintState.Assigned,
    Intake = new ComplaintIntake(ComplaintKind.Complaint, Channel.Phone, new Complainant("A customer", new ContactDetails(Phone: "000")),
        new ComplaintSubject(SubjectKind.StaffMember, "Service advisor", new DepartmentId("service"), new ActorId("advisor-7")),
        "The brakes squeal after the repair and nobody called me back.", ClaimedAmount: new Money(8000, "CNY")),
    ReceivedAt = DateTimeOffset.UnixEpoch,
    ReceivedBy = receiver,
    Policy = policy.Identity,
    Severity = Severity.Major,
    EscalationLevel = 1,
    UpdatedAt = DateTimeOffset.UnixEpoch,
};

Print("Approval of a ¥500 refund", policy.RequireApproval(complaint, new RemedyProposal(RemedyKind.Refund, "Refund of the repair", new Money(500, "CNY"))),
    d => string.Join(" → ", d.Steps));
Print("Recusal of the accused service advisor", policy.CheckRecusal(complaint, new Actor(new ActorId("advisor-7"), "Service advisor", ["handler"], new DepartmentId("service"))),
    d => d.MustRecuse ? "must step aside: " + d.Reason : "may act");
Print("Penalty for the late handler", policy.AssessPenalty(complaint, new Actor(new ActorId("advisor-7"), "Service advisor", ["handler"]), Misconduct.LateHandling),
    d => string.Join(", ", d.Sanctions.Select(s => s.Kind)));

static void Print<T>(string title, T decision, Func<T, string> outcome)
    where T : PolicyDecision
{
    Console.WriteLine();
    Console.WriteLine($"{title}: {outcome(decision)}");
    foreach (var rule in decision.Explanation.Rules.Where(r => r.Matched))
    {
        Console.WriteLine($"  - {rule.Rule}: {rule.Detail}");
    }
}
