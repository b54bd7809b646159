using Complaints.Improvement;
using Complaints.Ports;
using Complaints.Workflow.Internal;

namespace Complaints.Workflow.Improvement;

/// <summary>Verification of effectiveness: the recurrences counted through the complaint store.</summary>
public sealed partial class CorrectiveActionService
{
    // The most recurring case ids kept on the verification; the count itself is exact.
    private const int KeptRecurrences = 100;

    // Cases read per page while counting.
    private const int CountPage = 500;

    /// <summary>
    /// Checks a completed action's effectiveness. The service counts the recurrences: cases received since completion whose
    /// findings name the action's root cause — in its department and category, where the action has them — other than the
    /// cases it arose from. Effective means none recurred, unless the verifier judges otherwise, with a reason; the count
    /// is recorded with the judgement. The check is due by <see cref="CorrectiveAction.VerifyDueAt"/> and may be made earlier,
    /// on the recurrences so far. A case still under investigation has no findings yet and is not counted.
    /// </summary>
    /// <param name="id">The action.</param>
    /// <param name="actor">The verifier: a coordinator, a manager or the general manager, never the action's owner.</param>
    /// <param name="command">The judgement, if the verifier departs from the count, and the reasoning.</param>
    /// <param name="expectedVersion">The version the verifier saw, if the command must fail when it is stale.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The action after it: <see cref="CorrectiveActionState.Verified"/> or <see cref="CorrectiveActionState.Ineffective"/>.</returns>
    /// <exception cref="ComplaintValidationException">A judgement contradicts the count without a <c>Note</c>.</exception>
    public async Task<CorrectiveActionResult> VerifyAsync(
        CorrectiveActionId id, Actor actor, VerifyCorrectiveAction command, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        new Validation().Actor(actor, "Actor").Text(command.Note, ComplaintLimits.ReasonLength, "Note").ThrowIfAny();
        var action = await _actions.LoadAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new CorrectiveActionNotFoundException(id);
        if (action.Owner == actor.Id)
        {
            throw Refused(action, actor, CorrectiveActionOperation.Verify, "the owner of an action may not verify it: nobody checks their own work.");
        }

        // The state and the permission before the count: counting pages through the cases received since completion.
        var machine = new CorrectiveActionMachine(action.State);
        if (!machine.Machine.CanFire(CorrectiveActionOperation.Verify))
        {
            throw new CorrectiveActionTransitionException(action.Id, action.State, CorrectiveActionOperation.Verify, machine.Allowed());
        }

        Permit(CorrectiveActionOperation.Verify, actor, action);
        var now = _time.GetUtcNow();
        var (count, kept) = action.CompletedAt is { } completed ? await CountRecurrencesAsync(action, completed, now, cancellationToken).ConfigureAwait(false) : (0, []);
        var byCount = count == 0;
        var effective = command.Effective ?? byCount;
        if (effective != byCount && string.IsNullOrWhiteSpace(command.Note))
        {
            throw new ComplaintValidationException([new ValidationError(
                "Note",
                $"{count} case(s) with the same cause were received since completion, so the count says the action is {(byCount ? "effective" : "ineffective")}; judging it {(effective ? "effective" : "ineffective")} needs your reasoning in the note.")]);
        }

        var note = string.IsNullOrWhiteSpace(command.Note)
            ? (count == 0 ? "No case with the same cause since completion." : $"{count} case(s) with the same cause since completion.")
            : command.Note.Trim();
        var verification = new CorrectiveActionVerification(effective, count, kept, note, actor.Id, now);
        return await RunAsync(id, actor, CorrectiveActionOperation.Verify, expectedVersion ?? action.Version, null,
            (_, _) => new CorrectiveActionVerified(verification), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The recurrences of <paramref name="action"/>'s cause between <paramref name="from"/> and <paramref name="to"/>, counted through the complaint store's queries.</summary>
    private async Task<(int Count, IReadOnlyList<ComplaintId> Kept)> CountRecurrencesAsync(
        CorrectiveAction action, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var query = new ComplaintQuery
        {
            ReceivedFrom = from,
            ReceivedTo = to.AddTicks(1), // a case received at the very time of the check counts
            Department = action.Department,
            Categories = action.Category is { } category ? [category] : null,
            Take = CountPage,
        };
        var count = 0;
        var kept = new List<ComplaintId>();
        for (var skip = 0; ; skip += CountPage)
        {
            var page = await _complaints.QueryAsync(query with { Skip = skip }, cancellationToken).ConfigureAwait(false);
            foreach (var complaint in page)
            {
                if (complaint.Findings?.Cause == action.RootCause && !action.Cases.Contains(complaint.Id))
                {
                    count++;
                    if (kept.Count < KeptRecurrences)
                    {
                        kept.Add(complaint.Id);
                    }
                }
            }

            if (page.Count < CountPage)
            {
                return (count, kept);
            }
        }
    }
}
