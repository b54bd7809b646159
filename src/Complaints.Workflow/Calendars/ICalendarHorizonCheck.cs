namespace Complaints.Workflow.Calendars;

/// <summary>
/// Tells whether the official holiday data of the calendars the policies count on covers their longest deadlines.
/// Complaints.Rules' <c>UsePack</c>, <c>UsePackFolder</c> and <c>UsePacks</c> register one; the
/// <c>complaints-calendar</c> health check (<c>AddComplaintsChecks</c>) asks it.
/// </summary>
public interface ICalendarHorizonCheck
{
    /// <summary>The warnings for cases received at <paramref name="receivedAt"/>: one per policy whose longest deadline from then reaches past its calendar's official data.</summary>
    /// <param name="receivedAt">When a case would be received (now, or a time ahead to warn before the horizon).</param>
    /// <returns>One warning per policy whose calendar's data ends too soon, naming the pack, the calendar, the date its data ends and what to do; empty when all are covered.</returns>
    IReadOnlyList<string> Check(DateTimeOffset receivedAt);
}
