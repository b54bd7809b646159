namespace Complaints.Workflow.Health;

/// <summary>
/// Thresholds of the health checks <c>AddComplaintsChecks</c> adds. Simple properties, so they bind from
/// configuration (<c>"Complaints:HealthChecks"</c>); checked at host start.
/// </summary>
public sealed class ComplaintsHealthCheckOptions
{
    /// <summary>
    /// How many poll intervals the deadline worker or outbox dispatcher may go without completing a poll (plus one
    /// lease, the time a batch may take) before its check reports Unhealthy; from 2 to 100.
    /// </summary>
    /// <value>The default value is 3.</value>
    public int MissedPolls { get; set; } = 3;

    /// <summary>How long past due the oldest alarm the deadline worker claims may be before its check reports Degraded; from 1 second to 7 days.</summary>
    /// <value>The default value is 15 minutes.</value>
    public TimeSpan DeadlineLag { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long past its send time the oldest message the outbox dispatcher claims may be before its check reports Degraded; from 1 second to 7 days.</summary>
    /// <value>The default value is 15 minutes.</value>
    public TimeSpan OutboxLag { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How far ahead the calendar check looks: it reports Degraded when a case received this long from now would have
    /// a deadline past the calendar's official data, so there is time to load newer data; from zero to 366 days.
    /// </summary>
    /// <value>The default value is 30 days.</value>
    public TimeSpan CalendarLead { get; set; } = TimeSpan.FromDays(30);

    /// <summary>What is wrong with these settings, one sentence each naming the setting and its range; empty when they are valid.</summary>
    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MissedPolls is < 2 or > 100)
        {
            problems.Add($"ComplaintsHealthCheckOptions.MissedPolls is {MissedPolls}; set it between 2 and 100.");
        }

        Lag(problems, nameof(DeadlineLag), DeadlineLag);
        Lag(problems, nameof(OutboxLag), OutboxLag);
        if (CalendarLead < TimeSpan.Zero || CalendarLead > TimeSpan.FromDays(366))
        {
            problems.Add($"ComplaintsHealthCheckOptions.CalendarLead is {CalendarLead}; set it from zero to 366 days.");
        }

        return problems;
    }

    private static void Lag(List<string> problems, string name, TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1) || value > TimeSpan.FromDays(7))
        {
            problems.Add($"ComplaintsHealthCheckOptions.{name} is {value}; set it between 1 second and 7 days.");
        }
    }
}
