namespace Complaints.Workflow.Notifications;

/// <summary>Settings of the <see cref="OutboxDispatcher"/>.</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>How often the dispatcher looks for messages to send.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed message stays this dispatcher's before another may take it over.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most messages claimed per poll.</summary>
    /// <value>The default value is 100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>After how many failed attempts a message is parked with its last error instead of retried.</summary>
    /// <value>The default value is 8.</value>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="MaxBackoff"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>This dispatcher's id in claims; a new id per process if not set.</summary>
    public string? WorkerId { get; set; }

    /// <summary>The wait before the next attempt after <paramref name="failures"/> failed attempts (1 for the first failure).</summary>
    /// <param name="failures">How many attempts failed, this one included.</param>
    /// <returns><see cref="BaseBackoff"/> × 2^(failures − 1), at most <see cref="MaxBackoff"/>.</returns>
    public TimeSpan BackoffAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = BaseBackoff.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
