namespace Complaints.Workflow.Calendars;

/// <summary>A date outside the holiday data a calendar has: the due time cannot be known without guessing.</summary>
public sealed class BusinessCalendarException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="calendar">The calendar's name.</param>
    /// <param name="date">The date asked about.</param>
    /// <param name="from">The first date the data covers.</param>
    /// <param name="to">The last date the data covers.</param>
    public BusinessCalendarException(string calendar, DateOnly date, DateOnly from, DateOnly to)
        : base($"The business calendar '{calendar}' has holiday data from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}; {date:yyyy-MM-dd} is beyond it. " +
               "Load newer holiday data (BusinessCalendars.China(documents) or ChinaWithHolidayFiles for China), count such dates provisionally (WithProvisionalHolidays; " +
               "the built-in 'cn' calendar does unless ComplaintsOptions.StrictCalendarHorizon is set), or opt into the weekday-only fallback (WithWeekdayFallback) if counting Monday to Friday there is acceptable.")
    {
        Calendar = calendar;
        Date = date;
        CoveredFrom = from;
        CoveredTo = to;
    }

    /// <summary>The calendar's name.</summary>
    public string Calendar { get; }

    /// <summary>The date asked about.</summary>
    public DateOnly Date { get; }

    /// <summary>The first date the data covers.</summary>
    public DateOnly CoveredFrom { get; }

    /// <summary>The last date the data covers.</summary>
    public DateOnly CoveredTo { get; }
}
