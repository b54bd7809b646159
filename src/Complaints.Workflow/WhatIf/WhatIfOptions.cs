namespace Complaints.Workflow.WhatIf;

/// <summary>Which stored cases a what-if replay (<see cref="PolicyWhatIf.RunAsync"/>) reads.</summary>
public sealed record WhatIfOptions
{
    /// <summary>Only cases received at or after this instant; <see langword="null"/> for no lower bound.</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Only cases received before this instant; <see langword="null"/> for no upper bound.</summary>
    public DateTimeOffset? ReceivedTo { get; init; }

    /// <summary>
    /// Only cases opened under this pack id (<see cref="Complaint.Policy"/>), whatever their version: the draft stands in
    /// for that pack. Cases under other packs are counted and left out.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the draft's own id (<see cref="Policy.IComplaintPolicy.Identity"/>).</value>
    public string? PackId { get; init; }

    /// <summary>How many cases each query to the store reads at a time; between 1 and 1000.</summary>
    /// <value>The default value is 100.</value>
    public int PageSize { get; init; } = 100;
}
