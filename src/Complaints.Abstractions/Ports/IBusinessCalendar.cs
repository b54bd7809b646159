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
}
