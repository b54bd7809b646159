using Complaints.Policy;
using Complaints.Workflow.Calendars;

namespace Complaints.Desk;

/// <summary>How soon a deadline falls due: the colour of a due date on the desk and the case page.</summary>
public enum Urgency
{
    /// <summary>No open deadline, or it is more than a working day away (green).</summary>
    Later,

    /// <summary>Due within one working day on the deadline's own calendar (amber).</summary>
    Soon,

    /// <summary>Past due and not met (red).</summary>
    Overdue,
}

/// <summary>Judges a deadline against now on the business calendar the deadline was counted on (the library's registry).</summary>
public sealed class UrgencyJudge(BusinessCalendarRegistry calendars, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public Urgency Of(Deadline? deadline)
    {
        if (deadline is null || deadline.MetAt is not null)
        {
            return Urgency.Later;
        }

        var now = time.GetUtcNow();
        if (deadline.DueAt < now)
        {
            return Urgency.Overdue;
        }

        // A working day from now on the deadline's calendar; a calendar this host does not know: a day.
        var oneWorkingDay = calendars.IsKnown(deadline.Calendar) ? calendars.Get(deadline.Calendar).Add(now, 1, DeadlineUnit.WorkingDays) : now.AddDays(1);
        return deadline.DueAt <= oneWorkingDay ? Urgency.Soon : Urgency.Later;
    }

    /// <summary>The CSS class of <paramref name="urgency"/>.</summary>
    public static string Css(Urgency urgency) => urgency switch
    {
        Urgency.Overdue => "overdue",
        Urgency.Soon => "soon",
        _ => "later",
    };
}
