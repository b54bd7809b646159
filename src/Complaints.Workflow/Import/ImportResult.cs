namespace Complaints.Workflow.Import;

/// <summary>A row that was not imported, and why.</summary>
/// <param name="Line">The physical line (1-based) the row starts on in the file.</param>
/// <param name="Column">The column at fault, or <see langword="null"/> when the row as a whole is (malformed, wrong width).</param>
/// <param name="Reason">What is wrong; never the value of a column that holds the complainant's identity.</param>
public sealed record RejectedRow(long Line, string? Column, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Column is null ? $"line {Line}: {Reason}" : $"line {Line}: '{Column}' {Reason}";
}

/// <summary>What an import did: every data row is counted once, as imported, already present or rejected.</summary>
public sealed record ImportResult
{
    /// <summary>The data rows read (the header not counted).</summary>
    public int Rows => Imported + AlreadyPresent + Rejected;

    /// <summary>Rows written as new cases.</summary>
    public int Imported { get; init; }

    /// <summary>Rows whose case the store already held (imported by an earlier run); left as stored.</summary>
    public int AlreadyPresent { get; init; }

    /// <summary>Rows that could not be imported.</summary>
    public int Rejected { get; init; }

    /// <summary>
    /// The earliest time a complaint of the import (imported or already present) was received; <see langword="null"/>
    /// when no row was. With <see cref="LatestReceivedAt"/>, the span of history to analyse after the import.
    /// </summary>
    public DateTimeOffset? EarliestReceivedAt { get; init; }

    /// <summary>The latest time a complaint of the import (imported or already present) was received; <see langword="null"/> when no row was.</summary>
    public DateTimeOffset? LatestReceivedAt { get; init; }

    /// <summary>The rejected rows in file order, with line and reason: all of them, or the first <see cref="ComplaintImportOptions.MaxRejectedRowsKept"/>.</summary>
    public IReadOnlyList<RejectedRow> RejectedRows { get; init; } = [];
}

/// <summary>How <see cref="ComplaintImporter"/> writes.</summary>
public sealed record ComplaintImportOptions
{
    /// <summary>How many cases one <see cref="Ports.IBulkComplaintStore.SaveManyAsync"/> writes (stores without it save case by case).</summary>
    /// <value>The default is 500; at least 1.</value>
    public int BatchSize { get; init; } = 500;

    /// <summary>How many rejected rows the result lists; <see cref="ImportResult.Rejected"/> counts them all.</summary>
    /// <value>The default is 10,000.</value>
    public int MaxRejectedRowsKept { get; init; } = 10_000;
}
