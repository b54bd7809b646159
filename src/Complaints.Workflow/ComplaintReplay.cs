using System.Runtime.CompilerServices;
using Complaints.Journal;
using Complaints.Workflow.Deadlines;

namespace Complaints.Workflow;

/// <summary>
/// Rebuilds a case from its journal. The workflow itself changes cases only through <see cref="Apply"/>, so
/// replaying a case's journal always gives the stored case: the journal is the record, not a side note.
/// </summary>
public static class ComplaintReplay
{
    /// <summary>Replays a whole journal.</summary>
    /// <param name="entries">The case's entries, in order, starting with <see cref="ComplaintReceived"/>.</param>
    /// <returns>The case as of the last entry.</returns>
    /// <exception cref="ArgumentException">The journal is empty, does not start with the receipt, or has a gap.</exception>
    public static Complaint Replay(IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Complaint? complaint = null;
        foreach (var entry in entries)
        {
            complaint = Apply(complaint, entry);
        }

        return complaint ?? throw new ArgumentException("The journal is empty; a case's journal starts with its receipt.", nameof(entries));
    }

    /// <summary>Applies one journal entry to a case.</summary>
    /// <param name="complaint">The case before the entry; <see langword="null"/> for the receipt.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>The case after it.</returns>
    /// <exception cref="ArgumentException">The entry does not follow the case (wrong case, wrong sequence, or a receipt for an existing case).</exception>
    public static Complaint Apply(Complaint? complaint, JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (complaint is null)
        {
            if (entry.Event is ComplaintImported imported && entry.Sequence == 1)
            {
                return FromImport(entry, imported.Case);
            }

            if (entry.Event is not ComplaintReceived received || entry.Sequence != 1)
            {
                throw new ArgumentException($"A case's journal must start with its receipt (or its import) as entry 1; got {entry.Event.GetType().Name} as entry {entry.Sequence}.", nameof(entry));
            }

            return new Complaint
            {
                Id = entry.ComplaintId,
                Version = entry.Sequence,
                State = entry.To,
                Intake = received.Intake,
                ReceivedAt = entry.At,
                ReceivedBy = entry.Actor,
                Policy = received.Policy,
                Evidence = received.Intake.Evidence ?? [],
                StatusKey = received.StatusKey,
                UpdatedAt = entry.At,
            };
        }

        if (entry.ComplaintId != complaint.Id || entry.Sequence != complaint.Version + 1 || entry.From != complaint.State)
        {
            throw new ArgumentException(
                $"Entry {entry.Sequence} ({entry.From} → {entry.To}) of case {entry.ComplaintId} does not follow version {complaint.Version} of case {complaint.Id} in state {complaint.State}.",
                nameof(entry));
        }

        // One copy per entry: each event's change also stamps the version, state and time, and the clock's pause or
        // resumption is set on that same new copy, which no one else has seen yet.
        var next = ApplyEvent(complaint, entry);
        if (ReferenceEquals(next, complaint))
        {
            // ApplyClock sets init-only fields in place: on the caller's own case that would change a case others hold.
            throw new InvalidOperationException($"Replaying {entry.Event.GetType().Name} made no new copy of case {complaint.Id}.");
        }

        ApplyClock(next, entry);
        return next;
    }

    private static Complaint ApplyEvent(Complaint c, JournalEntry e) => e.Event switch
    {
        ComplaintReceived => throw new ArgumentException($"Case {c.Id} was already received.", nameof(e)),
        ComplaintImported => throw new ArgumentException($"Case {c.Id} was already received; an import is only ever a case's first entry.", nameof(e)),
        ReadBackConfirmed x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, ReadBack = new ReadBack(x.Method, e.At) },
        ComplaintTriaged x => c with
        {
            Version = e.Sequence,
            State = e.To,
            UpdatedAt = e.At,
            Category = x.Severity.Category,
            Severity = x.Severity.Tier,
            Department = x.Routing.Department,
            ResponsibleRole = x.Routing.Role,
            Deadlines = Meet(x.Deadlines, e.At, DeadlineKind.Acknowledge),
            PendingDeadlines = x.PendingDeadlines ?? [],
        },
        ComplaintRejected x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Outcome = x.Reason },
        ComplaintRedirected x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Outcome = $"Redirected to {x.To}: {x.Reason}" },
        ResolvedOnSpot x => c with
        {
            Version = e.Sequence,
            State = e.To,
            UpdatedAt = e.At,
            Category = x.Severity.Category,
            Severity = x.Severity.Tier,
            Remedy = x.Remedy,
            Outcome = x.Remedy.Description,
            ClosedAt = e.At,
        },
        HandlerAssigned x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Assignee = x.Handler },
        HandlerRecused x => c with
        {
            Version = e.Sequence,
            State = e.To,
            UpdatedAt = e.At,
            Assignee = null,
            Recusals = [.. c.Recusals, new Recusal(x.Handler, x.Reason, e.At)],
        },
        InvestigationStarted => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At },
        EvidenceAdded x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Evidence = [.. c.Evidence, x.Evidence] },
        AccusedHeard x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, AccusedStatement = x.Statement },
        FindingsRecorded x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Findings = x.Findings },
        EmergencyMeetingRecorded x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, EmergencyMeeting = x.Meeting },
        RemedyProposed x => c with
        {
            Version = e.Sequence,
            State = e.To,
            UpdatedAt = e.At,
            Remedy = x.Remedy,
            Approvals = Steps(x.Approval.Steps),
            Deadlines = Meet(c.Deadlines, e.At, DeadlineKind.Propose),
        },
        RemedyApproved x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Approvals = GiveNextApproval(c.Approvals, e, x.Note) },
        ApprovalDeclined => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Remedy = null, Approvals = [] },
        DecisionCommunicated => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Deadlines = Meet(c.Deadlines, e.At, DeadlineKind.Resolve, DeadlineKind.NotifyResult) },
        CustomerAccepted => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At },
        CustomerRejected x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, CustomerRejections = x.Round, Remedy = null, Approvals = [] },
        Escalated x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, EscalationLevel = x.Level },
        ImplementationCompleted => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, ImplementedAt = e.At },
        FollowUpRecorded x => c with
        {
            Version = e.Sequence,
            State = e.To,
            UpdatedAt = e.At,
            FollowUps = [.. c.FollowUps, new FollowUpContact(e.At, e.Actor.Id, x.Satisfaction, x.Comment)],
            Deadlines = Meet(c.Deadlines, e.At, DeadlineKind.FollowUp),
        },
        ComplaintClosed x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Outcome = x.Summary, ClosedAt = e.At },
        ComplaintReopened => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Outcome = null, ReopenCount = c.ReopenCount + 1, ReopenedAt = e.At },
        ComplaintWithdrawn x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Outcome = x.Reason },
        AccountabilityAssessed => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At },
        DeadlineWarned x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Deadlines = Update(c.Deadlines, x.Kind, e.At, static (d, at) => d with { WarnedAt = at }) },
        DeadlineBreached x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Deadlines = Update(c.Deadlines, x.Kind, e.At, static (d, at) => d with { BreachedAt = at }) },
        DeadlineExtended x => c with
        {
            Version = e.Sequence,
            State = e.To,
            UpdatedAt = e.At,
            Deadlines = Update(c.Deadlines, x.Kind, x, static (d, x) => d with
            {
                DueAt = x.To,
                WarnAt = d.WarnedAt is null && d.WarnAt is { } warn ? x.To - (d.DueAt - warn) : d.WarnAt,
                ExtensionReason = x.ReasonGivenToComplainant,
            }),
        },
        DeadlinesReplanned x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Deadlines = Replan(c.Deadlines, x.Changes) },
        ProductHoldPlaced x => c with
        {
            Version = e.Sequence,
            State = e.To,
            UpdatedAt = e.At,
            Holds = [.. c.Holds, new ProductHold(x.Number, x.Product, x.Reason, x.Scope, e.At, e.Actor.Id)],
        },
        ProductHoldReleased x => c with { Version = e.Sequence, State = e.To, UpdatedAt = e.At, Holds = Release(c.Holds, x, e) },
        DeadlinesStarted x => c with
        {
            Version = e.Sequence,
            State = e.To,
            UpdatedAt = e.At,
            Deadlines = DeadlineClocks.Add(c.Deadlines, x.Deadlines),
            PendingDeadlines = DeadlineClocks.StillPending(c.PendingDeadlines, x.StartedBy),
        },
        _ => throw new ArgumentException($"Unknown journal event {e.Event.GetType().Name}.", nameof(e)),
    };

    /// <summary>A case brought in from history: as the source recorded it, in the entry's state, stamped with the import's time.</summary>
    private static Complaint FromImport(JournalEntry e, ImportedCase x) => new()
    {
        Id = e.ComplaintId,
        Version = e.Sequence,
        State = e.To,
        Intake = x.Intake,
        ReceivedAt = x.ReceivedAt,
        ReceivedBy = e.Actor,
        Policy = x.Policy,
        Evidence = x.Intake.Evidence ?? [],
        Category = x.Category,
        Severity = x.Severity,
        Department = x.Department,
        ResponsibleRole = x.ResponsibleRole,
        Deadlines = x.Deadlines,
        Findings = x.Findings,
        Remedy = x.Remedy,
        ImplementedAt = x.ImplementedAt,
        FollowUps = x.FollowUps,
        EscalationLevel = x.EscalationLevel,
        Outcome = x.Outcome,
        ClosedAt = x.ClosedAt,
        UpdatedAt = e.At,
    };

    /// <summary>
    /// The SLA clock pauses while the case waits on the customer; open deadlines move on by the pause. Sets the change
    /// on <paramref name="c"/>, the copy <see cref="ApplyEvent"/> has just made for this entry and no one holds yet:
    /// what <c>c with { ClockPausedAt = …, Deadlines = … }</c> would give, without copying the case a second time.
    /// </summary>
    private static void ApplyClock(Complaint c, JournalEntry e)
    {
        var waiting = e.To == ComplaintState.AwaitingCustomer;
        if (waiting && c.ClockPausedAt is null)
        {
            SetClockPausedAt(c, e.At);
        }
        else if (!waiting && c.ClockPausedAt is { } paused)
        {
            // A host clock stepped backwards (an NTP correction) would make the pause negative and pull deadlines
            // earlier; a pause only ever moves them on.
            var pause = e.At > paused ? e.At - paused : TimeSpan.Zero;
            var deadlines = c.Deadlines;
            var moved = new Deadline[deadlines.Count];
            for (var i = 0; i < moved.Length; i++)
            {
                var d = deadlines[i];
                moved[i] = d.MetAt is null ? d with { DueAt = d.DueAt + pause, WarnAt = d.WarnAt + pause, ExtendableTo = d.ExtendableTo + pause } : d;
            }

            SetClockPausedAt(c, null);
            SetDeadlines(c, moved);
        }
    }

    // The init accessors, called on the entry's own new copy only (ApplyClock): nothing outside this class sees a case change.
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_" + nameof(Complaint.ClockPausedAt))]
    private static extern void SetClockPausedAt(Complaint complaint, DateTimeOffset? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_" + nameof(Complaint.Deadlines))]
    private static extern void SetDeadlines(Complaint complaint, IReadOnlyList<Deadline> value);

    private static Deadline[] Update<TArg>(IReadOnlyList<Deadline> deadlines, DeadlineKind kind, TArg arg, Func<Deadline, TArg, Deadline> change)
    {
        var result = deadlines.ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i].Kind == kind && result[i].MetAt is null)
            {
                result[i] = change(result[i], arg);
            }
        }

        return result;
    }

    private static Deadline[] Replan(IReadOnlyList<Deadline> deadlines, IReadOnlyList<DeadlineReplan> changes)
    {
        var result = deadlines.ToArray();
        foreach (var change in changes)
        {
            result = Update(result, change.Kind, change, static (d, x) => d with
            {
                DueAt = x.To,
                WarnAt = x.WarnAt,
                ExtendableTo = x.ExtendableTo,
                Provisional = x.Plan is not null,
                Plan = x.Plan,
            });
        }

        return result;
    }

    private static ProductHold[] Release(IReadOnlyList<ProductHold> holds, ProductHoldReleased released, JournalEntry e)
    {
        var result = holds.ToArray();
        var index = Array.FindIndex(result, h => h.Number == released.Number && h.IsActive);
        if (index < 0)
        {
            throw new ArgumentException($"Entry {e.Sequence} of case {e.ComplaintId} releases hold {released.Number}, which the case does not hold.", nameof(e));
        }

        result[index] = result[index] with { ReleasedAt = e.At, ReleasedBy = e.Actor.Id, Result = released.Result, ReleaseNote = released.Note };
        return result;
    }

    private static ApprovalStep[] Steps(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            return [];
        }

        var steps = new ApprovalStep[roles.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = new ApprovalStep(roles[i]);
        }

        return steps;
    }

    private static ApprovalStep[] GiveNextApproval(IReadOnlyList<ApprovalStep> steps, JournalEntry e, string? note)
    {
        var result = steps.ToArray();
        var index = Array.FindIndex(result, s => s.ApprovedBy is null);
        result[index] = result[index] with { ApprovedBy = e.Actor.Id, ApprovedAt = e.At, Note = note };
        return result;
    }

    private static IReadOnlyList<Deadline> Meet(IReadOnlyList<Deadline> deadlines, DateTimeOffset at, params ReadOnlySpan<DeadlineKind> kinds)
    {
        Deadline[]? result = null; // copied only if a deadline is met
        for (var i = 0; i < deadlines.Count; i++)
        {
            if (deadlines[i].MetAt is null && kinds.Contains(deadlines[i].Kind))
            {
                result ??= [.. deadlines];
                result[i] = deadlines[i] with { MetAt = at };
            }
        }

        return result ?? deadlines;
    }
}
