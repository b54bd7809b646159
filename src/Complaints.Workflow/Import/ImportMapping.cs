namespace Complaints.Workflow.Import;

/// <summary>
/// How the rows of one export become cases: which column (or alternative columns, for several column sets of the same
/// export) gives which field of the case, and how each converts. The fields left unset stay empty on the case.
/// <see cref="CfpbImport.Mapping"/> is a worked example.
/// </summary>
public sealed record ImportMapping
{
    /// <summary>The source's name (e.g. <c>cfpb</c>): with <see cref="Key"/> it makes the case's id, so importing the same row again finds the case.</summary>
    public required string Source { get; init; }

    /// <summary>The policy the imported cases are filed under.</summary>
    public required PolicyRef Policy { get; init; }

    /// <summary>The row's key in the source (its complaint number): unique within the source.</summary>
    public required ImportField<string> Key { get; init; }

    /// <summary>When the complaint was received.</summary>
    public required ImportField<DateTimeOffset> ReceivedAt { get; init; }

    /// <summary>The state the history leaves the case in (e.g. <see cref="ComplaintState.Closed"/>, <see cref="ComplaintState.Investigating"/>).</summary>
    public required ImportField<ComplaintState> State { get; init; }

    /// <summary>How it arrived.</summary>
    public required ImportField<Channel> Channel { get; init; }

    /// <summary>What it is about.</summary>
    public required ImportField<ComplaintSubject> Subject { get; init; }

    /// <summary>What the complainant said; an empty description rejects the row.</summary>
    public required ImportField<string> Description { get; init; }

    /// <summary>Complaint, report, suggestion …; a complaint unless set.</summary>
    public ImportField<ComplaintKind> Kind { get; init; } = ImportField.Constant(ComplaintKind.Complaint);

    /// <summary>Who complained; anonymous unless set. Name the columns it reads in <see cref="IdentityColumns"/>.</summary>
    public ImportField<Complainant> Complainant { get; init; } = ImportField.Constant(Complaints.Complainant.Anonymous);

    /// <summary>The columns that hold the complainant's identity (name, contact): no rejection reason quotes their values.</summary>
    public IReadOnlyCollection<string> IdentityColumns { get; init; } = [];

    /// <summary>Where it happened, if known.</summary>
    public ImportField<string?>? Location { get; init; }

    /// <summary>The category, if known.</summary>
    public ImportField<string?>? Category { get; init; }

    /// <summary>The severity tier, if known.</summary>
    public ImportField<Severity?>? Severity { get; init; }

    /// <summary>The responsible department, if known.</summary>
    public ImportField<DepartmentId?>? Department { get; init; }

    /// <summary>The deadlines with when each was due, met or breached, so on-time rates can be computed; none unless set.</summary>
    public ImportField<IReadOnlyList<Deadline>>? Deadlines { get; init; }

    /// <summary>The findings (substantiated or not, root cause), if known.</summary>
    public ImportField<Findings?>? Findings { get; init; }

    /// <summary>The remedy given, if known.</summary>
    public ImportField<RemedyProposal?>? Remedy { get; init; }

    /// <summary>The follow-up contacts and satisfaction, if known.</summary>
    public ImportField<IReadOnlyList<FollowUpContact>>? FollowUps { get; init; }

    /// <summary>How far it was escalated; 0 unless set.</summary>
    public ImportField<int>? EscalationLevel { get; init; }

    /// <summary>How it ended (closing summary, rejection reason), if it did.</summary>
    public ImportField<string?>? Outcome { get; init; }

    /// <summary>When it was closed, if the source says.</summary>
    public ImportField<DateTimeOffset?>? ClosedAt { get; init; }

    /// <summary>Values kept in the intake's attributes, by attribute name (e.g. <c>ImportField.OptionalText("Company")</c>); a <see langword="null"/> or empty value is left out.</summary>
    public IReadOnlyDictionary<string, ImportField<string?>> Attributes { get; init; } = new Dictionary<string, ImportField<string?>>();

    /// <summary>Who the journal names as having imported the cases (the entry's actor).</summary>
    public Actor Importer { get; init; } = new(new ActorId("import"), "Import", []);
}
