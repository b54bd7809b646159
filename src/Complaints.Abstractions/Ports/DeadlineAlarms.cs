namespace Complaints.Ports;

/// <summary>
/// The alarms one deadline of a case can still raise, and when: the row a store keeps per deadline for its claims.
/// <see cref="DeadlineAlarms.Schedule"/> makes one per deadline of a case; <see cref="CaseChange"/> carries them to the store.
/// </summary>
/// <param name="Position">The deadline's position among the case's <see cref="Complaint.Deadlines"/>.</param>
/// <param name="Kind">The deadline.</param>
/// <param name="WarningAt">When its warning falls due; <see langword="null"/> if no warning can come (none set, already given, not before the due time, or no alarm at all).</param>
/// <param name="BreachAt">When its breach falls due; <see langword="null"/> if none can come (met, breached, the case ended or its clock paused).</param>
public readonly record struct DeadlineAlarmTimes(int Position, DeadlineKind Kind, DateTimeOffset? WarningAt, DateTimeOffset? BreachAt)
{
    /// <summary>When the deadline's next alarm falls due (its warning if one can come, else its breach); <see langword="null"/> if none can.</summary>
    public DateTimeOffset? NextAt => WarningAt is { } warning && (BreachAt is not { } breach || warning < breach) ? warning : BreachAt;

    /// <summary>The alarm due at <paramref name="now"/>: the breach once its time has come, else the warning once its time has; <see langword="null"/> if neither.</summary>
    /// <param name="complaintId">The case the deadline belongs to.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The due alarm, with the time it fell due.</returns>
    public DueDeadline? DueAt(ComplaintId complaintId, DateTimeOffset now) =>
        BreachAt is { } breach && breach <= now ? new DueDeadline(complaintId, Kind, DeadlineAlarm.Breach, breach)
        : WarningAt is { } warning && warning <= now ? new DueDeadline(complaintId, Kind, DeadlineAlarm.Warning, warning)
        : null;
}

/// <summary>
/// Which deadline alarms of a case are due, and when each deadline's next one falls: the one rule every store's
/// deadline claims follow (<see cref="IDeadlineStore.ClaimDueDeadlinesAsync"/>), and the reference the store contract
/// tests them against.
/// </summary>
/// <remarks>
/// An ended case or one whose clock is paused raises no alarm. A deadline met or breached raises none either. Otherwise
/// its breach is due from its due time, and before that its warning from its warning time, if it has one not yet given
/// that comes before the due time. When both are due the breach is claimed (a breach makes the warning moot). A store
/// keeps <see cref="Schedule"/>'s rows (written with each save through <see cref="CaseChange.Alarms"/>), or evaluates
/// the same rule on its columns, and claims earliest first.
/// </remarks>
public static class DeadlineAlarms
{
    /// <summary>Whether the case's deadlines can raise alarms: it has not ended and its clock is not paused.</summary>
    /// <param name="complaint">The case.</param>
    /// <returns><see langword="true"/> if its clock runs.</returns>
    public static bool ClockRuns(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return !complaint.IsFinal && complaint.ClockPausedAt is null;
    }

    /// <summary>One row per deadline of <paramref name="complaint"/>, in order: when each can next warn and breach.</summary>
    /// <param name="complaint">The case.</param>
    /// <returns>The rows, one per <see cref="Complaint.Deadlines"/> entry, at its position.</returns>
    public static IReadOnlyList<DeadlineAlarmTimes> Schedule(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var deadlines = complaint.Deadlines;
        // Stryker disable once Block : without it the loop below returns a new empty array instead of the shared one
        if (deadlines.Count == 0)
        {
            return [];
        }

        var runs = ClockRuns(complaint);
        var rows = new DeadlineAlarmTimes[deadlines.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Row(deadlines, i, runs);
        }

        return rows;
    }

    /// <summary>When the first of <paramref name="complaint"/>'s alarms falls due, by the rule of <see cref="Schedule"/>, without making its rows.</summary>
    /// <param name="complaint">The case.</param>
    /// <returns>The earliest next alarm of its deadlines; <see langword="null"/> if none can come.</returns>
    public static DateTimeOffset? FirstAt(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var deadlines = complaint.Deadlines;
        var runs = ClockRuns(complaint);
        DateTimeOffset? first = null;
        for (var i = 0; i < deadlines.Count; i++)
        {
            // Stryker disable once Equality : an alarm at the same time as the first is no earlier, and <= keeps the same time
            if (Row(deadlines, i, runs).NextAt is { } at && (first is null || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    private static DeadlineAlarmTimes Row(IReadOnlyList<Deadline> deadlines, int i, bool runs)
    {
        var d = deadlines[i];
        var open = runs && d.MetAt is null && d.BreachedAt is null;

        // A warning at or after the due time never fires: by then the breach is due and is claimed instead.
        var warning = open && d is { WarnAt: { } warnAt, WarnedAt: null } && warnAt < d.DueAt ? warnAt : (DateTimeOffset?)null;
        return new DeadlineAlarmTimes(i, d.Kind, warning, open ? d.DueAt : null);
    }

    /// <summary>When the first of the rows' alarms falls due; <see langword="null"/> if none can.</summary>
    /// <param name="schedule">A case's rows, from <see cref="Schedule"/>.</param>
    /// <returns>The earliest <see cref="DeadlineAlarmTimes.NextAt"/>.</returns>
    public static DateTimeOffset? FirstAt(IReadOnlyList<DeadlineAlarmTimes> schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        DateTimeOffset? first = null;
        for (var i = 0; i < schedule.Count; i++)
        {
            // Stryker disable once Equality : an alarm at the same time as the first is no earlier, and <= keeps the same time
            if (schedule[i].NextAt is { } at && (first is null || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    /// <summary>The warnings and breaches of <paramref name="complaint"/> due at <paramref name="now"/> and not yet recorded, in deadline order.</summary>
    /// <param name="complaint">The case.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The due alarms; none for an ended case or while its clock is paused.</returns>
    public static IReadOnlyList<DueDeadline> Due(Complaint complaint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return Due(complaint.Id, Schedule(complaint), now);
    }

    /// <summary>The alarms of a case's rows due at <paramref name="now"/>, in deadline order.</summary>
    /// <param name="complaintId">The case.</param>
    /// <param name="schedule">Its rows, from <see cref="Schedule"/>.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The due alarms.</returns>
    public static IReadOnlyList<DueDeadline> Due(ComplaintId complaintId, IReadOnlyList<DeadlineAlarmTimes> schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        List<DueDeadline>? due = null;
        for (var i = 0; i < schedule.Count; i++)
        {
            if (schedule[i].DueAt(complaintId, now) is { } alarm)
            {
                (due ??= []).Add(alarm);
            }
        }

        return (IReadOnlyList<DueDeadline>?)due ?? [];
    }
}
