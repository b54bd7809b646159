using Complaints.Improvement;

namespace Complaints.Workflow.Improvement;

/// <summary>The deadline worker's part: recording the due warnings and breaches of actions.</summary>
public sealed partial class CorrectiveActionService
{
    /// <summary>
    /// Records the actions' deadline alarms due now (at most <paramref name="max"/>), each through
    /// <see cref="RecordDeadlineAlarmAsync"/> as <see cref="Actor.System"/>. The <see cref="Deadlines.DeadlineWorker"/>
    /// calls it on every poll; a host without the worker may call it on a schedule of its own. An alarm another node
    /// recorded first is skipped (the version check refuses the second write); the next call finds what is still due.
    /// </summary>
    /// <param name="max">The most alarms to record.</param>
    /// <param name="cancellationToken">Stops between alarms.</param>
    /// <returns>How many alarms this call recorded.</returns>
    public async Task<int> RecordDueDeadlinesAsync(int max, CancellationToken cancellationToken = default)
    {
        var due = await _actions.ReadDueAlarmsAsync(_time.GetUtcNow(), max, cancellationToken).ConfigureAwait(false);
        var recorded = 0;
        List<Exception>? failures = null;
        foreach (var alarm in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await RecordDeadlineAlarmAsync(alarm, cancellationToken).ConfigureAwait(false) is not null)
                {
                    recorded++;
                }
            }
            catch (CorrectiveActionConcurrencyException)
            {
                // Recorded by another node meanwhile: nothing to do.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One alarm that cannot be recorded does not hold up the others; it is reported after them.
                (failures ??= []).Add(e);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException(
                $"{failures.Count} of {due.Count} corrective-action alarms due could not be recorded ({recorded} were); they are tried again on the next call.",
                failures);
        }

        return recorded;
    }
}
