namespace Complaints.Workflow.Notifications;

/// <summary>Settings of the <see cref="OutboxDispatcher"/>.</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>How often the dispatcher looks for messages to send; from 100 ms to 1 day.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed message stays this dispatcher's before another may take it over; above zero (two dispatchers holding one message would send it twice), at most 1 day.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most messages claimed per poll; from 1 to 10,000.</summary>
    /// <value>The default value is 100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>After how many failed attempts a message is parked with its last error instead of retried; from 1 to 100.</summary>
    /// <value>The default value is 8.</value>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="MaxBackoff"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The random source of the retry jitter: a number from 0 (inclusive) to 1. Tests set a fixed value; 1 gives the
    /// plain backoff of <see cref="BackoffAfter"/>.
    /// </summary>
    /// <value>The default value is <see cref="Random.Shared"/>'s <see cref="Random.NextDouble"/>.</value>
    public Func<double> Jitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>This dispatcher's id in claims; a new id per process if not set.</summary>
    public string? WorkerId { get; set; }

    /// <summary>What is wrong with these settings, one sentence each naming the setting and its range; empty when they are valid.</summary>
    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Internal.WorkerSettings.Check(problems, nameof(OutboxDispatcherOptions), PollInterval, Lease, BatchSize, WorkerId);
        if (Lease == TimeSpan.Zero)
        {
            problems.Add("OutboxDispatcherOptions.Lease is zero; set it above zero: two dispatchers holding one message would send it twice.");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            problems.Add($"OutboxDispatcherOptions.MaxAttempts is {MaxAttempts}; set it between 1 and 100.");
        }

        if (BaseBackoff <= TimeSpan.Zero || MaxBackoff < BaseBackoff || MaxBackoff > TimeSpan.FromDays(30))
        {
            problems.Add($"OutboxDispatcherOptions.BaseBackoff is {BaseBackoff} and MaxBackoff {MaxBackoff}; set BaseBackoff above zero and MaxBackoff from BaseBackoff to 30 days.");
        }

        if (Jitter is null)
        {
            problems.Add("OutboxDispatcherOptions.Jitter is null; leave it at its default, or give a function returning a number from 0 to 1.");
        }

        return problems;
    }

    /// <summary>The wait before the next attempt after <paramref name="failures"/> failed attempts (1 for the first failure).</summary>
    /// <param name="failures">How many attempts failed, this one included.</param>
    /// <returns><see cref="BaseBackoff"/> × 2^(failures − 1), at most <see cref="MaxBackoff"/>.</returns>
    public TimeSpan BackoffAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = BaseBackoff.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// The wait before the next attempt with jitter: between half of <see cref="BackoffAfter"/> and all of it, by
    /// <paramref name="sample"/>. Messages that failed together (a mail server down) then come back spread out
    /// instead of all at once, and never sooner than half the backoff.
    /// </summary>
    /// <param name="failures">How many attempts failed, this one included.</param>
    /// <param name="sample">A number from 0 to 1, usually from <see cref="Jitter"/>; clamped to that range.</param>
    /// <returns><see cref="BackoffAfter"/> × (1 + sample) / 2.</returns>
    public TimeSpan JitteredBackoffAfter(int failures, double sample)
    {
        var backoff = BackoffAfter(failures);
        var share = double.IsNaN(sample) ? 1 : Math.Clamp(sample, 0, 1);
        return TimeSpan.FromTicks((long)(backoff.Ticks * (1 + share) / 2));
    }
}
