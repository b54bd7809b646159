using Complaints.Policy;

namespace Complaints.Ports;

/// <summary>Turns "3 working days" into a due time: working days and hours, rest days, holidays.</summary>
public interface IBusinessCalendar
{
    /// <summary>The calendar's name, recorded on each deadline it computes.</summary>
    string Name { get; }

    /// <summary>The due time of a duration started at <paramref name="start"/>.</summary>
    /// <param name="start">When the clock starts (usually the time of receipt).</param>
    /// <param name="amount">How many units.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The due time.</returns>
    DateTimeOffset Add(DateTimeOffset start, int amount, DeadlineUnit unit);

    /// <summary>
    /// Whether the due time <see cref="Add"/> gave for a duration from <paramref name="start"/> to <paramref name="due"/> was
    /// counted over days the calendar has no official holiday data for (an estimate that official data may move).
    /// </summary>
    /// <param name="start">When the clock started.</param>
    /// <param name="due">The due time computed.</param>
    /// <param name="unit">The unit counted.</param>
    /// <returns><see langword="false"/> unless the calendar estimated; a calendar without holiday data never does.</returns>
    bool IsProvisional(DateTimeOffset start, DateTimeOffset due, DeadlineUnit unit) => false;

    /// <summary>The last date the calendar's official holiday data covers; <see langword="null"/> if it needs none.</summary>
    DateOnly? OfficialDataEndsOn => null;
}
