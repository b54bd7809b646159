using Complaints.Policy;

namespace Complaints.Workflow.Lifecycle;

/// <summary>The facts about a case (and the command's time) that the lifecycle's guards read, one bit each.</summary>
[Flags]
internal enum LifecycleConditions
{
    None = 0,

    /// <summary>Not an oral intake, or its record was read back and confirmed.</summary>
    ReadBackDone = 1 << 0,

    /// <summary>The record has not been read back yet.</summary>
    NotReadBackYet = 1 << 1,

    /// <summary>A member of staff is complained about.</summary>
    HasAccusedStaff = 1 << 2,

    /// <summary>No one is accused, or the accused was heard.</summary>
    AccusedHeardIfAny = 1 << 3,

    /// <summary>Findings are recorded.</summary>
    HasFindings = 1 << 4,

    /// <summary>The policy's lifecycle needs no emergency meeting for the case's tier (by default: not major), or it was held.</summary>
    MeetingHeldIfMajor = 1 << 5,

    /// <summary>The case's tier needs an emergency meeting (by default: major), and there is none yet.</summary>
    MeetingNeeded = 1 << 6,

    /// <summary>Exactly one approval step is pending.</summary>
    OneApprovalLeft = 1 << 7,

    /// <summary>More than one approval step is pending.</summary>
    SeveralApprovalsLeft = 1 << 8,

    /// <summary>A follow-up was recorded since the remedy was implemented.</summary>
    FollowedUpSinceImplementation = 1 << 9,

    /// <summary>Closed, and the reopen window has not passed.</summary>
    WithinReopenWindow = 1 << 10,

    /// <summary>A handler is named.</summary>
    HasHandler = 1 << 11,

    /// <summary>The SLA clock runs: not paused, and a deadline is open.</summary>
    ClockRuns = 1 << 12,

    /// <summary>A deadline is open (not met).</summary>
    HasOpenDeadline = 1 << 13,

    /// <summary>An open deadline, not breached, was counted on provisional calendar days.</summary>
    HasProvisionalDeadline = 1 << 14,

    /// <summary>A product hold is still in force.</summary>
    HasActiveHold = 1 << 15,
}

/// <summary>Works out a case's <see cref="LifecycleConditions"/>.</summary>
internal static class CaseConditions
{
    /// <summary>The conditions of <paramref name="c"/> at <paramref name="now"/>, under its policy's <paramref name="settings"/> (the default lifecycle if <see langword="null"/>).</summary>
    public static LifecycleConditions Of(Complaint c, DateTimeOffset now, TimeSpan reopenWindow, LifecycleSettings? settings = null)
    {
        // Each condition's bit is set at most once, so `|=` and `^=` give the same set (Stryker's equivalent mutants).
        // Stryker disable Assignment : each bit is set at most once, so ^= sets the same bits as |=
        var result = LifecycleConditions.None;
        if (!c.Intake.Channel.IsOral() || c.ReadBack is not null)
        {
            result |= LifecycleConditions.ReadBackDone;
        }

        if (c.ReadBack is null)
        {
            result |= LifecycleConditions.NotReadBackYet;
        }

        var accused = c.Intake.Subject.StaffId is not null || c.Intake.Subject.Kind == SubjectKind.StaffMember;
        if (accused)
        {
            result |= LifecycleConditions.HasAccusedStaff;
        }

        if (!accused || c.AccusedStatement is not null)
        {
            result |= LifecycleConditions.AccusedHeardIfAny;
        }

        if (c.Findings is not null)
        {
            result |= LifecycleConditions.HasFindings;
        }

        var meetingTier = (settings ?? LifecycleSettings.Default).NeedsEmergencyMeeting(c.Severity);
        result |= !meetingTier || c.EmergencyMeeting is not null ? LifecycleConditions.MeetingHeldIfMajor : LifecycleConditions.MeetingNeeded;

        var pending = 0;
        for (var stepIndex = 0; stepIndex < c.Approvals.Count; stepIndex++)
        {
            var step = c.Approvals[stepIndex];
            if (step.ApprovedBy is null)
            {
                pending++;
            }
        }

        result |= pending switch
        {
            1 => LifecycleConditions.OneApprovalLeft,
            // Stryker disable once Equality : 1 is matched by the arm above, so >= 1 here is the same
            > 1 => LifecycleConditions.SeveralApprovalsLeft,
            _ => LifecycleConditions.None,
        };

        for (var followUpIndex = 0; followUpIndex < c.FollowUps.Count; followUpIndex++)
        {
            var followUp = c.FollowUps[followUpIndex];
            if (c.ImplementedAt is null || followUp.At >= c.ImplementedAt)
            {
                result |= LifecycleConditions.FollowedUpSinceImplementation;
                // Stryker disable once Statement : one follow-up is enough; going on would set the same bit again
                break;
            }
        }

        if (c.ClosedAt is { } closed && now <= closed + reopenWindow)
        {
            result |= LifecycleConditions.WithinReopenWindow;
        }

        if (c.Assignee is not null)
        {
            result |= LifecycleConditions.HasHandler;
        }

        for (var deadlineIndex = 0; deadlineIndex < c.Deadlines.Count; deadlineIndex++)
        {
            var deadline = c.Deadlines[deadlineIndex];
            if (deadline is { MetAt: null, BreachedAt: null, Plan: not null })
            {
                result |= LifecycleConditions.HasProvisionalDeadline;
                // Stryker disable once Statement : one provisional deadline is enough; going on would set the same bit again
                break;
            }
        }

        for (var deadlineIndex = 0; deadlineIndex < c.Deadlines.Count; deadlineIndex++)
        {
            var deadline = c.Deadlines[deadlineIndex];
            if (deadline.MetAt is null)
            {
                result |= LifecycleConditions.HasOpenDeadline;
                if (c.ClockPausedAt is null)
                {
                    result |= LifecycleConditions.ClockRuns;
                }

                // Stryker disable once Statement : the first open deadline decides; going on would set the same bits again
                break;
            }
        }

        if (c.HasActiveHold)
        {
            result |= LifecycleConditions.HasActiveHold;
        }

        // Stryker restore Assignment
        return result;
    }
}

/// <summary>What Stateless answered for one state, trigger and set of conditions.</summary>
/// <param name="Allowed">Whether the trigger can fire.</param>
/// <param name="Destination">Where it leads (the state itself for an internal transition; the source when not allowed).</param>
/// <param name="Unmet">The unmet guards' descriptions when not allowed (empty when the state has no such transition).</param>
internal sealed record LifecycleAnswer(bool Allowed, ComplaintState Destination, IReadOnlyList<string> Unmet);
