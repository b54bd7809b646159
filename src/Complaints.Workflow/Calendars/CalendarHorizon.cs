namespace Complaints.Workflow.Calendars;

/// <summary>What a <see cref="BusinessCalendar"/> counts a date beyond its official holiday data as.</summary>
public enum CalendarHorizon
{
    /// <summary>Nothing: asking is a <see cref="BusinessCalendarException"/>.</summary>
    Strict,

    /// <summary>The rest days plus the holidays known by rule (China's statutory holidays); the deadline is marked provisional.</summary>
    Provisional,

    /// <summary>The rest days only (plain weeks); the deadline is marked provisional.</summary>
    RestDaysOnly,
}
