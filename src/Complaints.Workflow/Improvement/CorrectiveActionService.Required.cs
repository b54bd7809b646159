using Complaints.Improvement;
using Complaints.Ports;

namespace Complaints.Workflow.Improvement;

/// <summary>Which corrective actions the policies require and no action answers yet.</summary>
public sealed partial class CorrectiveActionService
{
    /// <summary>The rule of <see cref="CorrectiveActionSettings.RequiredFromTier"/>: one serious substantiated case.</summary>
    public const string SeverityRule = "improvement.severity";

    /// <summary>The rule of <see cref="CorrectiveActionSettings.RecurrenceCount"/>: several cases of one cause within a period.</summary>
    public const string RecurrenceRule = "improvement.recurrence";

    /// <summary>
    /// The corrective actions required by the policies of the closed cases received in [<paramref name="from"/>,
    /// <paramref name="to"/>) that no action answers yet (an action that lists the case and was not declined or cancelled).
    /// Each policy's <see cref="Policy.IComplaintPolicy.CorrectiveActions"/> settings decide: a substantiated (or partly) case at or
    /// above <see cref="CorrectiveActionSettings.RequiredFromTier"/> requires one (<see cref="SeverityRule"/>); so do
    /// <see cref="CorrectiveActionSettings.RecurrenceCount"/> substantiated cases of one root cause in one department
    /// received within <see cref="CorrectiveActionSettings.RecurrenceDays"/> of each other (<see cref="RecurrenceRule"/>).
    /// A periodic read for the analysis meeting; it changes nothing.
    /// </summary>
    /// <param name="from">The start of the period (cases received at or after it).</param>
    /// <param name="to">The end of the period (cases received before it).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The requirements: those of one case first, then the recurrences, each in order of its first case's receipt.</returns>
    /// <exception cref="ComplaintValidationException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public async Task<IReadOnlyList<CorrectiveActionRequirement>> FindRequiredAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (to <= from)
        {
            throw new ComplaintValidationException([new ValidationError("To", "must be after From: the period is [From, To).")]);
        }

        var substantiated = new List<Complaint>();
        var query = new ComplaintQuery { States = [ComplaintState.Closed], ReceivedFrom = from, ReceivedTo = to, Take = CountPage };
        for (var skip = 0; ; skip += CountPage)
        {
            var page = await _complaints.QueryAsync(query with { Skip = skip }, cancellationToken).ConfigureAwait(false);
            foreach (var complaint in page)
            {
                if (complaint.Findings?.Outcome is FindingOutcome.Substantiated or FindingOutcome.PartlySubstantiated &&
                    !await IsAnsweredAsync(complaint.Id, cancellationToken).ConfigureAwait(false))
                {
                    substantiated.Add(complaint);
                }
            }

            if (page.Count < CountPage)
            {
                break;
            }
        }

        var required = new List<CorrectiveActionRequirement>();
        foreach (var complaint in substantiated)
        {
            var policy = _policies.TryResolve(complaint.Policy, complaint.Id) ?? _policies.Current;
            if (policy.CorrectiveActions.RequiredFromTier is { } tier && complaint.Severity >= tier)
            {
                required.Add(new CorrectiveActionRequirement(
                    SeverityRule, $"A substantiated {complaint.Severity} case; the policy requires an action from {tier}.",
                    complaint.Findings!.Cause, complaint.Department, policy.Identity, [complaint.Id]));
            }
        }

        foreach (var group in substantiated.GroupBy(c => (c.Policy.Id, c.Findings!.Cause, c.Department)))
        {
            var cases = group.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id.Value).ToArray();
            var policy = _policies.TryResolve(cases[^1].Policy, cases[^1].Id) ?? _policies.Current;
            var settings = policy.CorrectiveActions;
            if (settings.RecurrenceCount > 0 && Recurrence(cases, settings.RecurrenceCount, TimeSpan.FromDays(settings.RecurrenceDays)) is { } window)
            {
                required.Add(new CorrectiveActionRequirement(
                    RecurrenceRule,
                    $"{window.Count} substantiated cases of root cause {group.Key.Cause} within {settings.RecurrenceDays} days; the policy requires an action from {settings.RecurrenceCount}.",
                    group.Key.Cause, group.Key.Department, policy.Identity, [.. window.Select(c => c.Id)]));
            }
        }

        return required;
    }

    // The first run of cases received within `period` of the first of them that holds at least `count`, extended as far as it goes.
    private static List<Complaint>? Recurrence(Complaint[] cases, int count, TimeSpan period)
    {
        for (var start = 0; start + count <= cases.Length; start++)
        {
            var end = start;
            while (end + 1 < cases.Length && cases[end + 1].ReceivedAt - cases[start].ReceivedAt < period)
            {
                end++;
            }

            if (end - start + 1 >= count)
            {
                return [.. cases[start..(end + 1)]];
            }
        }

        return null;
    }

    private async Task<bool> IsAnsweredAsync(ComplaintId id, CancellationToken cancellationToken)
    {
        var actions = await _actions.QueryAsync(new CorrectiveActionQuery { Case = id, Take = 100 }, cancellationToken).ConfigureAwait(false);
        return actions.Any(a => a.State is not (CorrectiveActionState.Declined or CorrectiveActionState.Cancelled));
    }
}
