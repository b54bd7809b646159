namespace Complaints.Workflow.Deadlines;

/// <summary>Settings of the <see cref="DeadlineWorker"/>.</summary>
public sealed class DeadlineWorkerOptions
{
    /// <summary>How often the worker looks for due deadlines; from 100 ms to 1 day.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed alarm stays this worker's before another may take it over; at most 1 day. Zero makes claims not exclusive: workers may claim the same alarm at once (the command path still records it once), which only tests want.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most alarms claimed per poll; from 1 to 10,000.</summary>
    /// <value>The default value is 100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>This worker's id in claims; a new id per process if not set.</summary>
    public string? WorkerId { get; set; }

    /// <summary>What is wrong with these settings, one sentence each naming the setting and its range; empty when they are valid.</summary>
    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Internal.WorkerSettings.Check(problems, nameof(DeadlineWorkerOptions), PollInterval, Lease, BatchSize, WorkerId);
        return problems;
    }
}
