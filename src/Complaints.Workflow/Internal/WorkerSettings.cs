namespace Complaints.Workflow.Internal;

/// <summary>The limits shared by the settings of the deadline worker and the outbox dispatcher.</summary>
internal static class WorkerSettings
{
    /// <summary>The shortest poll interval: a shorter one (zero, say) keeps a core busy asking the store.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest poll interval or lease.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromDays(1);

    /// <summary>The most items claimed per poll.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>Adds a problem for each setting of a polling worker out of range; <paramref name="type"/> names the options class.</summary>
    public static void Check(List<string> problems, string type, TimeSpan pollInterval, TimeSpan lease, int batchSize, string? workerId)
    {
        if (pollInterval < MinPollInterval || pollInterval > MaxInterval)
        {
            problems.Add($"{type}.PollInterval is {pollInterval}; set it between {MinPollInterval.TotalMilliseconds:0} ms and 1 day.");
        }

        if (lease < TimeSpan.Zero || lease > MaxInterval)
        {
            problems.Add($"{type}.Lease is {lease}; set it from zero to 1 day (longer than one batch takes to handle).");
        }

        if (batchSize is < 1 or > MaxBatchSize)
        {
            problems.Add($"{type}.BatchSize is {batchSize}; set it between 1 and {MaxBatchSize}.");
        }

        if (workerId is not null && (string.IsNullOrWhiteSpace(workerId) || workerId.Length > 200))
        {
            problems.Add($"{type}.WorkerId is blank or longer than 200 characters; leave it unset for a new id per process, or give a short name.");
        }
    }

    /// <summary>Throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> listing <paramref name="problems"/>, if any.</summary>
    public static void ThrowIfAny<TOptions>(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(TOptions), problems);
        }
    }
}
