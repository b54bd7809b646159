namespace Complaints.Workflow.Deadlines;

/// <summary>Settings of the <see cref="DeadlineWorker"/>.</summary>
public sealed class DeadlineWorkerOptions
{
    /// <summary>How often the worker looks for due deadlines.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed alarm stays this worker's before another may take it over.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most alarms claimed per poll.</summary>
    /// <value>The default value is 100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>This worker's id in claims; a new id per process if not set.</summary>
    public string? WorkerId { get; set; }
}
