using Complaints.Policy;

namespace Complaints.Demo;

/// <summary>The rules of <see cref="DemoPolicy"/> that concern people: recusal, approval, confidentiality, escalation.</summary>
internal sealed partial class DemoPolicy
{
    public RecusalDecision CheckRecusal(Complaint complaint, Actor person)
    {
        var subject = complaint.Intake.Subject;
        var isAccused = subject.StaffId == person.Id;
        var sameDepartment = AccusedDepartment(complaint) is { } d && person.Department == d;
        var trace = Explain(
            Rule("recuse-accused", isAccused, $"{person.Id} is the person complained about"),
            Rule("recuse-accused-department", sameDepartment, $"{person.Id} works in {person.Department}, the accused's department"));
        return isAccused ? new(true, "they are the person complained about", trace)
            : sameDepartment ? new(true, $"they work in {person.Department}, the department complained about", trace)
            : new(false, null, trace);
    }

    public ApprovalDecision RequireApproval(Complaint complaint, RemedyProposal remedy)
    {
        var amount = remedy.Amount?.Amount ?? 0;
        var overHandler = amount > 1_000;
        var overManager = amount > 50_000;
        var major = complaint.Severity == Severity.Major;
        var steps = new List<string>();
        if (overHandler) steps.Add(ComplaintRoles.Manager);
        if (overManager || major) steps.Add(ComplaintRoles.GeneralManager);

        return new(steps, Explain(
            Rule("approval-handler-up-to-1000", !overHandler && !major, $"amount {amount}"),
            Rule("approval-manager-above-1000", overHandler, $"amount {amount}"),
            Rule("approval-general-manager-above-50000", overManager, $"amount {amount}"),
            Rule("approval-major-adds-general-manager", major, $"tier {complaint.Severity}")));
    }

    public ConfidentialityDecision CheckConfidentiality(Complaint complaint, Actor reader)
    {
        var isAccused = complaint.Intake.Subject.StaffId == reader.Id;
        var accusedDepartment = AccusedDepartment(complaint) is { } d && reader.Department == d;
        var trace = Explain(
            Rule("identity-hidden-from-accused", isAccused),
            Rule("identity-hidden-from-accused-department", accusedDepartment),
            Rule("identity-visible-otherwise", !isAccused && !accusedDepartment));
        return isAccused || accusedDepartment
            ? new(false, "the reader is the accused or works in the accused's department", trace)
            : new(true, null, trace);
    }

    public EscalationDecision CheckEscalation(Complaint complaint, EscalationTrigger trigger)
    {
        var rejections = trigger == EscalationTrigger.CustomerRejected && complaint.CustomerRejections >= 2;
        var requested = trigger == EscalationTrigger.Requested;
        var breached = trigger == EscalationTrigger.DeadlineBreached;
        var trace = Explain(
            Rule("escalate-after-2-rejections", rejections, $"{complaint.CustomerRejections} rejection(s)"),
            Rule("escalate-on-request", requested),
            Rule("escalate-on-deadline-breach", breached));
        return rejections ? new(true, $"The customer rejected {complaint.CustomerRejections} remedies.", ComplaintRoles.GeneralManager, trace)
            : requested ? new(true, "Escalation was requested.", ComplaintRoles.Manager, trace)
            : breached ? new(true, "A deadline was breached.", ComplaintRoles.Manager, trace)
            : new(false, null, null, trace);
    }

    /// <summary>The department of an accused person or department; a product or service accuses no one.</summary>
    private static DepartmentId? AccusedDepartment(Complaint complaint) =>
        complaint.Intake.Subject.Kind is SubjectKind.StaffMember or SubjectKind.Department ? complaint.Intake.Subject.Department : null;
}
