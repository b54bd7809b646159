using Complaints.Commands;

namespace Complaints.Testing;

/// <summary>The happy path itself: which command comes next, and who issues it, for a case in a given state.</summary>
public sealed partial class CaseDriver
{
    private readonly PathCommands _commands;

    /// <summary>The next command toward <paramref name="target"/>, or why there is none.</summary>
    private (Actor Actor, ComplaintCommand Command) NextStep(Complaint c, ComplaintState target, bool meetingNeeded)
    {
        switch (target)
        {
            // The side ends come from their own commands, issued where the lifecycle permits them.
            case ComplaintState.Rejected when c.State == ComplaintState.Received:
                return (Cast.Coordinator, _commands.Reject);
            case ComplaintState.Redirected when c.State == ComplaintState.Received:
                return (Cast.Coordinator, _commands.Redirect);
            case ComplaintState.Withdrawn when Rank(c.State) is < ClosedRank:
                return (Cast.Coordinator, _commands.Withdraw);
            case ComplaintState.Rejected or ComplaintState.Redirected:
                throw Stopped(c, target, $"{target} follows only from {ComplaintState.Received}");
            case ComplaintState.Withdrawn:
                throw Stopped(c, target, "a case can be withdrawn only while it is received or open");
        }

        if (Rank(c.State) is not { } rank || rank >= Rank(target))
        {
            throw Stopped(c, target, Rank(c.State) is null ? "it ended there" : $"it is already past {target}");
        }

        return c.State switch
        {
            ComplaintState.Received when c.Intake.Channel.IsOral() && c.ReadBack is null => (Cast.Coordinator, _commands.ReadBack),
            ComplaintState.Received => (Cast.Coordinator, _commands.Triage),
            ComplaintState.Triaged => (Cast.Coordinator, _commands.Assign),
            ComplaintState.Assigned => (Cast.Handler, _commands.StartInvestigation),

            // In the order the lifecycle's guards ask for: the accused heard before findings, the emergency meeting
            // (of a tier the policy's lifecycle needs one for; by default major) before the remedy.
            ComplaintState.Investigating when AccusedToHear(c) => (Cast.AccusedHearer ?? Cast.Handler, _commands.HearAccused),
            ComplaintState.Investigating when c.Findings is null => (Cast.Handler, _commands.RecordFindings),
            ComplaintState.Investigating when meetingNeeded => (Cast.MeetingChair ?? Cast.Coordinator, _commands.RecordMeeting),
            ComplaintState.Investigating => (Cast.Handler, _commands.ProposeRemedy),

            ComplaintState.AwaitingApproval when c.PendingApproval is { } step => (Cast.ApproverFor(step.Role), _commands.Approve),
            ComplaintState.Approved => (Cast.Handler, _commands.Communicate),
            ComplaintState.AwaitingCustomer => (Cast.Handler, _commands.CustomerAccepts),
            ComplaintState.Implementing => (Cast.Handler, _commands.Implement),
            ComplaintState.FollowUp when !FollowedUpSinceImplementation(c) => (Cast.Handler, _commands.FollowUp),
            ComplaintState.FollowUp => (Cast.Coordinator, _commands.Close),
            _ => throw Stopped(c, target, "the happy path has no next command there"),
        };
    }

    private const int ClosedRank = 9;

    /// <summary>Where a state lies along the happy path; <see langword="null"/> off it.</summary>
    private static int? Rank(ComplaintState state) => state switch
    {
        ComplaintState.Received => 0,
        ComplaintState.Triaged => 1,
        ComplaintState.Assigned => 2,
        ComplaintState.Investigating => 3,
        ComplaintState.AwaitingApproval => 4,
        ComplaintState.Approved => 5,
        ComplaintState.AwaitingCustomer => 6,
        ComplaintState.Implementing => 7,
        ComplaintState.FollowUp => 8,
        ComplaintState.Closed => ClosedRank,
        _ => null,
    };

    /// <summary>
    /// Whether the case's next step is its emergency meeting: findings are in, the accused heard, no meeting yet, and the
    /// case's policy needs one for its tier (<see cref="Policy.LifecycleSettings.NeedsEmergencyMeeting"/>; by default a
    /// major complaint). Read off the case and the service's policies, so driving costs no store read.
    /// </summary>
    private bool MeetingNeeded(Complaint c) =>
        c is { State: ComplaintState.Investigating, Findings: not null, EmergencyMeeting: null }
        && !AccusedToHear(c)
        && Service.Policies.Resolve(c.Policy).Lifecycle.NeedsEmergencyMeeting(c.Severity);

    /// <summary>A member of staff is accused (as the lifecycle reads it) and was not heard yet.</summary>
    private static bool AccusedToHear(Complaint c) =>
        (c.Intake.Subject.StaffId is not null || c.Intake.Subject.Kind == SubjectKind.StaffMember) && c.AccusedStatement is null;

    /// <summary>The lifecycle closes a case only after a follow-up since the remedy was carried out.</summary>
    private static bool FollowedUpSinceImplementation(Complaint c)
    {
        foreach (var followUp in c.FollowUps)
        {
            if (c.ImplementedAt is null || followUp.At >= c.ImplementedAt)
            {
                return true;
            }
        }

        return false;
    }

    private static InvalidOperationException Stopped(Complaint c, ComplaintState target, string why) =>
        new($"The happy path does not reach {target}; it stopped at {c.State} ({why}). Complaint {c.Id}.");

    /// <summary>The commands of the path, made once per driver from its cast and script.</summary>
    private sealed class PathCommands(CaseCast cast, CaseScript script)
    {
        public ConfirmReadBack ReadBack { get; } = new();
        public Triage Triage { get; } = new();
        public Assign Assign { get; } = new(cast.Handler);
        public StartInvestigation StartInvestigation { get; } = new();
        public HearAccused HearAccused { get; } = new(script.AccusedStatement);
        public RecordFindings RecordFindings { get; } = new(script.Findings);
        public RecordEmergencyMeeting RecordMeeting { get; } = new(script.MeetingAttendees, script.MeetingMinutes);
        public ProposeRemedy ProposeRemedy { get; } = new(script.Remedy);
        public Approve Approve { get; } = new(script.ApprovalNote);
        public CommunicateDecision Communicate { get; } = new(script.DecisionChannel, script.DecisionMessage);
        public RecordCustomerAcceptance CustomerAccepts { get; } = new(script.CustomerAcceptance);
        public CompleteImplementation Implement { get; } = new(script.Implementation);
        public RecordFollowUp FollowUp { get; } = new(script.FollowUpSatisfaction, script.FollowUpComment);
        public Close Close { get; } = new(script.ClosingSummary);
        public Reject Reject { get; } = new(script.RejectionReason);
        public Redirect Redirect { get; } = new(script.RedirectTo, script.RedirectReason);
        public Withdraw Withdraw { get; } = new(script.WithdrawalReason);
    }
}
