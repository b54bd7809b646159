using Complaints.Commands;
using Complaints.Workflow.Tests.Support;
using A = Complaints.Commands.ComplaintAction;
using static Complaints.ComplaintState;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Lifecycle;

/// <summary>
/// Every command in every stored state: the allowed ones lead where the lifecycle says; every other one fails
/// with <see cref="InvalidTransitionException"/> that lists what is allowed, and leaves the case as it was.
/// </summary>
public sealed class TransitionMatrixTests
{
    /// <summary>What each state allows (as reached by <see cref="Harness.DriveTo"/>), and where each action leads.</summary>
    private static readonly Dictionary<ComplaintState, Dictionary<ComplaintAction, ComplaintState>> Allowed = new()
    {
        [Received] = new()
        {
            [A.ConfirmReadBack] = Received, [A.Triage] = Triaged, [A.Reject] = Rejected, [A.Redirect] = Redirected,
            [A.ResolveOnSpot] = Closed, [A.Withdraw] = Withdrawn, [A.PlaceHold] = Received,
        },
        [Triaged] = new() { [A.Assign] = Assigned, [A.Escalate] = Triaged, [A.Withdraw] = Withdrawn, [A.AssessAccountability] = Triaged, [A.PlaceHold] = Triaged },
        [Assigned] = new()
        {
            [A.StartInvestigation] = Investigating, [A.Recuse] = Triaged, [A.Reassign] = Assigned, [A.Escalate] = Assigned, [A.Withdraw] = Withdrawn, [A.AssessAccountability] = Assigned, [A.PlaceHold] = Assigned,
        },
        // Reached right after StartInvestigation: the accused is not heard yet, so no findings and no proposal.
        [Investigating] = new()
        {
            [A.AddEvidence] = Investigating, [A.HearAccused] = Investigating, [A.Recuse] = Triaged, [A.Reassign] = Assigned,
            [A.Escalate] = Investigating, [A.Withdraw] = Withdrawn, [A.AssessAccountability] = Investigating, [A.PlaceHold] = Investigating,
        },
        [AwaitingApproval] = new() { [A.Approve] = Approved, [A.DeclineApproval] = Investigating, [A.Escalate] = AwaitingApproval, [A.Withdraw] = Withdrawn, [A.AssessAccountability] = AwaitingApproval, [A.PlaceHold] = AwaitingApproval },
        [Approved] = new() { [A.CommunicateDecision] = AwaitingCustomer, [A.Escalate] = Approved, [A.Withdraw] = Withdrawn, [A.AssessAccountability] = Approved, [A.PlaceHold] = Approved },
        [AwaitingCustomer] = new()
        {
            [A.RecordCustomerAcceptance] = Implementing, [A.RecordCustomerRejection] = Investigating, [A.Escalate] = AwaitingCustomer, [A.Withdraw] = Withdrawn, [A.AssessAccountability] = AwaitingCustomer, [A.PlaceHold] = AwaitingCustomer,
        },
        [Implementing] = new() { [A.CompleteImplementation] = FollowUp, [A.Escalate] = Implementing, [A.Withdraw] = Withdrawn, [A.AssessAccountability] = Implementing, [A.PlaceHold] = Implementing },
        // Reached right after CompleteImplementation: no follow-up yet, so it cannot close.
        [FollowUp] = new() { [A.RecordFollowUp] = FollowUp, [A.Escalate] = FollowUp, [A.Withdraw] = Withdrawn, [A.AssessAccountability] = FollowUp, [A.PlaceHold] = FollowUp },
        [Closed] = new() { [A.Reopen] = Investigating, [A.AssessAccountability] = Closed, [A.PlaceHold] = Closed },
        [Rejected] = new(),
        [Redirected] = new(),
        [Withdrawn] = new(),
    };

    /// <summary>Deadline alarms, extensions and replanning depend on the deadline named, the calendar and the time; the Deadlines tests cover them.</summary>
    private static readonly ComplaintAction[] Sla = [A.RecordDeadlineWarning, A.RecordDeadlineBreach, A.ExtendDeadline, A.ReplanDeadlines];

    public static TheoryData<ComplaintState, ComplaintAction> EveryStateAndAction()
    {
        var data = new TheoryData<ComplaintState, ComplaintAction>();
        foreach (var state in Allowed.Keys)
        {
            foreach (var action in Enum.GetValues<ComplaintAction>().Where(a => a is not (A.Receive or A.View) && !Sla.Contains(a)))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public async Task Command_InEveryState_IsAllowedOnlyWhereTheLifecycleSays(ComplaintState state, ComplaintAction action)
    {
        var h = new Harness();
        // Routed to the service department (Han's and the manager's, so they see it), with a member of staff to hear.
        var id = await h.DriveTo(state, Harness.Intake(subject: new ComplaintSubject(SubjectKind.Service, "Brake service", ServiceDept, Accused.Id)));
        var before = Harness.Json(await h.Stored(id));
        var journalBefore = (await h.Journal(id)).Count;
        var (actor, command) = Issue(action);
        var sees = await h.Sees(id, actor);

        var act = () => h.Service.ExecuteAsync(id, actor, command);

        if (Allowed[state].TryGetValue(action, out var expected))
        {
            var result = await act();
            result.Complaint.State.Should().Be(expected);
            (await h.Journal(id)).Count.Should().BeGreaterThan(journalBefore);
        }
        else if (!sees)
        {
            // Acting needs seeing: someone who may not read the case is not told its state either.
            var error = (await act.Should().ThrowAsync<NotPermittedException>()).Which;
            error.Reason.Should().Contain("may not see this case");
            Harness.Json(await h.Stored(id)).Should().Be(before);
            (await h.Journal(id)).Count.Should().Be(journalBefore);
        }
        else
        {
            var error = (await act.Should().ThrowAsync<InvalidTransitionException>()).Which;
            error.State.Should().Be(state);
            error.Action.Should().Be(action);
            error.Allowed.Except(Sla).Should().BeEquivalentTo(Allowed[state].Keys);
            Harness.Json(await h.Stored(id)).Should().Be(before);
            (await h.Journal(id)).Count.Should().Be(journalBefore);
        }
    }

    /// <summary>A permitted actor and a valid command for each action.</summary>
    private static (Actor Actor, ComplaintCommand Command) Issue(ComplaintAction action) => action switch
    {
        A.ConfirmReadBack => (Coordinator, new ConfirmReadBack()),
        A.Triage => (Coordinator, new Triage()),
        A.Reject => (Coordinator, new Reject("Already filed in court.")),
        A.Redirect => (Coordinator, new Redirect("the consumer association", "Not our product.")),
        A.ResolveOnSpot => (Coordinator, new ResolveOnSpot(new RemedyProposal(RemedyKind.Apology, "Apologised at the desk."))),
        A.Assign => (Coordinator, new Assign(Handler)),
        A.Reassign => (Coordinator, new Reassign(Handler2, "Han is on leave.")),
        A.Recuse => (Handler, new Recuse("My cousin is the complainant.")),
        A.StartInvestigation => (Handler, new StartInvestigation()),
        A.AddEvidence => (Handler, new AddEvidence(new EvidenceReference("call-0042.wav", "Call recording"))),
        A.HearAccused => (Handler, new HearAccused("I was polite.")),
        A.RecordFindings => (Handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Rude."))),
        A.RecordEmergencyMeeting => (Manager, new RecordEmergencyMeeting(["GM"], "Recall.")),
        A.ProposeRemedy => (Handler, new ProposeRemedy(Harness.Compensation)),
        A.Approve => (Manager, new Approve()),
        A.DeclineApproval => (Manager, new DeclineApproval("Too generous.")),
        A.CommunicateDecision => (Coordinator, new CommunicateDecision(Channel.Phone, "We will refund.")),
        A.RecordCustomerAcceptance => (Coordinator, new RecordCustomerAcceptance()),
        A.RecordCustomerRejection => (Coordinator, new RecordCustomerRejection("Not enough.")),
        A.Escalate => (Coordinator, new Escalate("The customer asked for the general manager.")),
        A.CompleteImplementation => (Handler, new CompleteImplementation("Refunded.")),
        A.RecordFollowUp => (Coordinator, new RecordFollowUp(Satisfaction.Satisfied)),
        A.Close => (Coordinator, new Close("Done.")),
        A.Reopen => (Coordinator, new Reopen("The refund never arrived.")),
        A.Withdraw => (Coordinator, new Withdraw("Settled privately.")),
        A.AssessAccountability => (Manager, new AssessAccountability(Handler, Complaints.Policy.Misconduct.LateHandling)),
        A.PlaceHold => (Coordinator, new PlaceHold("Brake pads, batch 7", "The same part failed twice.")),
        A.ReleaseHold => (Coordinator, new ReleaseHold(1, HoldCheckResult.Cleared)),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
