using Complaints.Commands;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Validation;

/// <summary>
/// Each command's missing or malformed input is one error naming the field a host maps to its form, with a message
/// that starts by saying what is missing; the case is left as it was.
/// </summary>
public sealed class CommandFieldErrorTests
{
    public static TheoryData<string, ComplaintState, ComplaintCommand, string, string> MissingOrMalformedInput() => new()
    {
        { "read-back method unknown", ComplaintState.Received, new ConfirmReadBack((ReadBackMethod)99), "Method", "99 is not a ReadBackMethod" },
        { "rejection without a reason", ComplaintState.Received, new Reject(" "), "Reason", "The reason given to the complainant is required." },
        { "redirection to nobody", ComplaintState.Received, new Redirect(" ", "Outside our remit."), "To", "The body the complainant is directed to is required." },
        { "redirection to a two-line body", ComplaintState.Received, new Redirect("Consumer\u0001Council", "Outside our remit."), "To", "contains the control character U+0001" },
        { "redirection without a reason", ComplaintState.Received, new Redirect("Consumer council", " "), "Reason", "The reason is required." },
        { "withdrawal without what the complainant said", ComplaintState.Received, new Withdraw(" "), "Reason", "What the complainant said is required." },
        { "reassignment to nobody", ComplaintState.Assigned, new Reassign(null!, "Han is on leave."), "Handler", "an actor is required" },
        { "reassignment without a reason", ComplaintState.Assigned, new Reassign(Handler2, " "), "Reason", "The reason for reassigning is required." },
        { "recusal without the conflict", ComplaintState.Assigned, new Recuse(" "), "Reason", "The conflict of interest is required." },
        { "hearing without a statement", ComplaintState.Investigating, new HearAccused(" "), "Statement", "The accused's statement is required." },
        { "findings missing", ComplaintState.Investigating, new RecordFindings(null!), "Findings", "are required." },
        { "findings with an unknown outcome", ComplaintState.Investigating, new RecordFindings(new Findings((FindingOutcome)99, RootCause.StaffError, "Rude.")), "Findings.Outcome", "99 is not a FindingOutcome" },
        { "findings with an unknown cause", ComplaintState.Investigating, new RecordFindings(new Findings(FindingOutcome.Substantiated, (RootCause)99, "Rude.")), "Findings.Cause", "99 is not a RootCause" },
        { "findings without a summary", ComplaintState.Investigating, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, " ")), "Findings.Summary", "A summary of the findings is required." },
        { "emergency meeting without minutes", ComplaintState.Investigating, new RecordEmergencyMeeting(["Service manager", "Chen"], " "), "Minutes", "The meeting's minutes is required." },
        { "accountability of nobody", ComplaintState.Investigating, new AssessAccountability(null!, "late handling"), "Person", "an actor is required" },
        { "accountability without the misconduct", ComplaintState.Investigating, new AssessAccountability(Accused, " "), "Misconduct", "The misconduct assessed is required." },
        { "accountability with a two-line misconduct", ComplaintState.Investigating, new AssessAccountability(Accused, "rude\nlate"), "Misconduct", "contains the control character U+000A" },
        { "escalation without a reason", ComplaintState.Investigating, new Escalate(" "), "Reason", "The reason for escalating is required." },
        { "extension of an unknown deadline", ComplaintState.Investigating, new ExtendDeadline((DeadlineKind)99, Harness.Start.AddDays(30), "We need the supplier's report."), "Kind", "99 is not a DeadlineKind" },
        { "extension without telling the complainant why", ComplaintState.Investigating, new ExtendDeadline(DeadlineKind.Resolve, Harness.Start.AddDays(30), " "), "ReasonGivenToComplainant", "The explanation given to the complainant is required." },
        { "warning of an unknown deadline", ComplaintState.Investigating, new RecordDeadlineWarning((DeadlineKind)99), "Kind", "99 is not a DeadlineKind" },
        { "breach of an unknown deadline", ComplaintState.Investigating, new RecordDeadlineBreach((DeadlineKind)99), "Kind", "99 is not a DeadlineKind" },
        { "replanning without a reason", ComplaintState.Investigating, new ReplanDeadlines(" "), "Reason", "Why the deadlines are recounted is required." },
        { "declined approval without a reason", ComplaintState.AwaitingApproval, new DeclineApproval(" "), "Reason", "The reason for declining is required." },
        { "decision communicated by an unknown channel", ComplaintState.Approved, new CommunicateDecision((Channel)99, "We will refund you."), "Channel", "99 is not a Channel" },
        { "decision communicated without what was said", ComplaintState.Approved, new CommunicateDecision(Channel.Phone, " "), "Message", "What was said to the complainant is required." },
        { "customer rejection without the objection", ComplaintState.AwaitingCustomer, new RecordCustomerRejection(" "), "Reason", "What the customer objected to is required." },
        { "implementation without what was done", ComplaintState.Implementing, new CompleteImplementation(" "), "Summary", "What was done is required." },
        { "closure without a summary", ComplaintState.FollowUp, new Close(" "), "Summary", "A closing summary is required." },
        { "reopening without a reason", ComplaintState.Closed, new Reopen(" "), "Reason", "The reason for reopening is required." },
    };

    [Theory]
    [MemberData(nameof(MissingOrMalformedInput))]
    public async Task Command_WithMissingOrMalformedInput_IsOneErrorOnItsFieldAndChangesNothing(
        string because, ComplaintState state, ComplaintCommand command, string field, string messageStart)
    {
        var h = new Harness();
        var id = await h.DriveTo(state);
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, command);

        var error = (await act.Should().ThrowAsync<ComplaintValidationException>(because)).Which.Errors.Should().ContainSingle(because).Subject;
        error.Field.Should().Be(field, because);
        error.Message.Should().StartWith(messageStart, because);
        Harness.Json(await h.Stored(id)).Should().Be(before, because);
    }
}
