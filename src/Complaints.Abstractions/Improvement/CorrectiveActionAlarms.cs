using Complaints.Ports;

namespace Complaints.Improvement;

/// <summary>
/// Which deadline alarms of an action are due: the one rule every store's <see cref="ICorrectiveActionStore.ReadDueAlarmsAsync"/>
/// follows and the store contract checks. Only the running deadline (<see cref="CorrectiveAction.RunningDeadline"/>)
/// raises alarms: its breach from its due time if not yet recorded, and before that its warning from its warning time
/// if it has one, not yet recorded, before the due time. When both are due the breach is given (it makes the warning moot).
/// </summary>
public static class CorrectiveActionAlarms
{
    /// <summary>The alarm of <paramref name="action"/> due at <paramref name="now"/>, if any.</summary>
    /// <param name="action">The action.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The due alarm, with the time it fell due; <see langword="null"/> if none is due.</returns>
    public static DueCorrectiveActionAlarm? Due(CorrectiveAction action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.RunningDeadline is not { BreachedAt: null } deadline)
        {
            return null;
        }

        if (deadline.DueAt <= now)
        {
            return new DueCorrectiveActionAlarm(action.Id, deadline.Kind, DeadlineAlarm.Breach, deadline.DueAt);
        }

        return WarningAt(deadline) is { } warning && warning <= now
            ? new DueCorrectiveActionAlarm(action.Id, deadline.Kind, DeadlineAlarm.Warning, warning)
            : null;
    }

    /// <summary>When the next alarm of <paramref name="action"/> falls due, by the same rule; <see langword="null"/> if none can come.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The warning time if one can still come, else the breach time; <see langword="null"/> if neither.</returns>
    public static DateTimeOffset? NextAt(CorrectiveAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.RunningDeadline is not { BreachedAt: null } deadline)
        {
            return null;
        }

        return WarningAt(deadline) ?? deadline.DueAt;
    }

    private static DateTimeOffset? WarningAt(CorrectiveActionDeadline deadline) =>
        deadline is { WarnAt: { } warn, WarnedAt: null } && warn < deadline.DueAt ? warn : null;
}
