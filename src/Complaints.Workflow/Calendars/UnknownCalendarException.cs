namespace Complaints.Workflow.Calendars;

/// <summary>
/// A policy computes deadlines on a business calendar nobody registered. A <see cref="ComplaintException"/>, so a host
/// maps every error a command raises from one base type; packs are checked at start, a policy of the host's own at
/// its first triage.
/// </summary>
public sealed class UnknownCalendarException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="calendar">The name asked for.</param>
    /// <param name="known">The names registered.</param>
    public UnknownCalendarException(string calendar, IEnumerable<string> known)
        : base($"No business calendar is named '{calendar}'. Register it with services.AddComplaints(...).AddCalendar(\"{calendar}\", calendar); known: {string.Join(", ", known)}.")
    {
        Calendar = calendar;
    }

    /// <summary>The name asked for.</summary>
    public string Calendar { get; }
}
