using Complaints.Improvement;

namespace Complaints.Workflow.Improvement;

/// <summary>
/// Rebuilds a corrective or preventive action from its journal. The workflow changes actions only through
/// <see cref="Apply"/>, so replaying an action's journal always gives the stored action.
/// </summary>
public static class CorrectiveActionReplay
{
    /// <summary>Replays a whole journal.</summary>
    /// <param name="entries">The action's entries, in order, starting with <see cref="CorrectiveActionProposed"/>.</param>
    /// <returns>The action as of the last entry.</returns>
    /// <exception cref="ArgumentException">The journal is empty, does not start with the proposal, or has a gap.</exception>
    public static CorrectiveAction Replay(IEnumerable<CorrectiveActionJournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        CorrectiveAction? action = null;
        foreach (var entry in entries)
        {
            action = Apply(action, entry);
        }

        return action ?? throw new ArgumentException("The journal is empty; an action's journal starts with its proposal.", nameof(entries));
    }

    /// <summary>Applies one journal entry to an action.</summary>
    /// <param name="action">The action before the entry; <see langword="null"/> for the proposal.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>The action after it.</returns>
    /// <exception cref="ArgumentException">The entry does not follow the action (wrong action, sequence or state, or a proposal for an existing action).</exception>
    public static CorrectiveAction Apply(CorrectiveAction? action, CorrectiveActionJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (action is null)
        {
            if (entry.Event is not CorrectiveActionProposed p || entry.Sequence != 1 || entry.From is not null)
            {
                throw new ArgumentException($"An action's journal must start with its proposal as entry 1; got {entry.Event.GetType().Name} as entry {entry.Sequence}.", nameof(entry));
            }

            return new CorrectiveAction
            {
                Id = entry.ActionId,
                Version = 1,
                State = entry.To,
                Kind = p.Kind,
                Title = p.Title,
                RootCause = p.RootCause,
                CauseDescription = p.CauseDescription,
                Cases = p.Cases,
                Owner = p.Owner,
                Department = p.Department,
                Category = p.Category,
                Policy = p.Policy,
                Rules = p.Terms.Rules,
                Approval = p.Terms.ApprovalRole is { } role ? new CorrectiveActionApproval(role) : null,
                Due = p.Due,
                ProposedDueAt = p.Due.DueAt,
                DueWorkingDays = p.Terms.DueWorkingDays,
                VerifyAfterWorkingDays = p.Terms.VerifyAfterWorkingDays,
                WarningWorkingDays = p.Terms.WarningWorkingDays,
                CreatedBy = entry.Actor.Id,
                CreatedAt = entry.At,
                UpdatedAt = entry.At,
            };
        }

        if (entry.ActionId != action.Id || entry.Sequence != action.Version + 1 || entry.From != action.State)
        {
            throw new ArgumentException(
                $"Entry {entry.Sequence} ({entry.From} → {entry.To}) of action {entry.ActionId} does not follow version {action.Version} of action {action.Id} in state {action.State}.",
                nameof(entry));
        }

        var next = action with { Version = entry.Sequence, State = entry.To, UpdatedAt = entry.At };
        return entry.Event switch
        {
            CorrectiveActionProposed => throw new ArgumentException($"Action {action.Id} was already proposed.", nameof(entry)),
            CorrectiveActionApproved x => next with
            {
                Approval = new CorrectiveActionApproval(x.Role, entry.Actor.Id, entry.At, x.Note),
                Due = x.Due,
            },
            CorrectiveActionDeclined x => next with { Outcome = x.Reason },
            CorrectiveActionProgressRecorded x => next with { Progress = [.. action.Progress, new CorrectiveActionNote(entry.At, entry.Actor.Id, x.Note)] },
            CorrectiveActionCompleted x => next with { CompletedAt = entry.At, CompletionSummary = x.Summary, VerifyDue = x.VerifyDue },
            CorrectiveActionVerified x => next with { Verification = x.Verification },
            CorrectiveActionCancelled x => next with { Outcome = x.Reason },
            CorrectiveActionDeadlineWarned x => next with { Due = Mark(action.Due, x.Deadline, entry.At, breach: false), VerifyDue = MarkOptional(action.VerifyDue, x.Deadline, entry.At, breach: false) },
            CorrectiveActionDeadlineBreached x => next with { Due = Mark(action.Due, x.Deadline, entry.At, breach: true), VerifyDue = MarkOptional(action.VerifyDue, x.Deadline, entry.At, breach: true) },
            _ => throw new ArgumentException($"Unknown corrective action event {entry.Event.GetType().Name}.", nameof(entry)),
        };
    }

    private static CorrectiveActionDeadline Mark(CorrectiveActionDeadline deadline, CorrectiveActionDeadlineKind kind, DateTimeOffset at, bool breach) =>
        deadline.Kind != kind ? deadline
        : breach ? deadline with { BreachedAt = at }
        : deadline with { WarnedAt = at };

    private static CorrectiveActionDeadline? MarkOptional(CorrectiveActionDeadline? deadline, CorrectiveActionDeadlineKind kind, DateTimeOffset at, bool breach) =>
        deadline is null ? null : Mark(deadline, kind, at, breach);
}
