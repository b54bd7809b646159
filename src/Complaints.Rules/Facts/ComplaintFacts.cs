namespace Complaints.Rules.Facts;

/// <summary>
/// What a pack's expressions see of a case, as <c>complaint</c>: flat, read-only values with names a policy
/// author can read. Enum values are lower-case kebab strings (<c>"walk-in"</c>, <c>"staff-member"</c>); amounts
/// are plain numbers in the case's currency; a missing value is <c>""</c> or <c>0</c>, never null.
/// </summary>
public sealed class ComplaintFacts
{
    private readonly Complaint _complaint;

    /// <summary>Wraps a case. Nothing is copied: each value is read from the (immutable) case when asked for.</summary>
    /// <param name="complaint">The case.</param>
    public ComplaintFacts(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        _complaint = complaint;
    }

    /// <summary><c>complaint</c>, <c>report</c> or <c>suggestion</c>.</summary>
    public string Kind => Names.Of(_complaint.Intake.Kind);

    /// <summary>How it reached us: <c>phone</c>, <c>hotline</c>, <c>email</c>, <c>online-form</c>, <c>walk-in</c> …</summary>
    public string Channel => Names.Of(_complaint.Intake.Channel);

    /// <summary>The category the receiver recorded; <c>""</c> if none.</summary>
    public string IntakeCategory => _complaint.Intake.Category ?? "";

    /// <summary>The category decided so far (at triage), else the receiver's; <c>""</c> if none.</summary>
    public string Category => _complaint.Category ?? _complaint.Intake.Category ?? "";

    /// <summary>The tier decided so far: <c>minor</c>, <c>general</c>, <c>serious</c>, <c>major</c>; <c>""</c> before classification.</summary>
    public string Tier => _complaint.Severity is { } tier ? Names.Of(tier) : "";

    /// <summary>The tier as a number for comparisons: 0 minor … 3 major; -1 before classification.</summary>
    public int TierRank => _complaint.Severity is { } rank ? (int)rank : -1;

    /// <summary>The responsible department decided so far; <c>""</c> before routing.</summary>
    public string Department => _complaint.Department?.Value ?? "";

    /// <summary><c>product</c>, <c>service</c>, <c>staff-member</c>, <c>department</c> or <c>other</c>.</summary>
    public string SubjectKind => Names.Of(_complaint.Intake.Subject.Kind);

    /// <summary>The subject's name.</summary>
    public string SubjectName => _complaint.Intake.Subject.Name;

    /// <summary>The department of the subject complained about; <c>""</c> if unknown.</summary>
    public string SubjectDepartment => _complaint.Intake.Subject.Department?.Value ?? "";

    /// <summary>The subject's reference (product code, licence plate …); <c>""</c> if none.</summary>
    public string SubjectReference => _complaint.Intake.Subject.Reference ?? "";

    /// <summary>Whether a member of staff is complained about.</summary>
    public bool HasAccusedStaff => _complaint.Intake.Subject.StaffId is not null || _complaint.Intake.Subject.Kind == Complaints.SubjectKind.StaffMember;

    /// <summary>What happened.</summary>
    public string Description => _complaint.Intake.Description;

    /// <summary>What the complainant wants; <c>""</c> if not said.</summary>
    public string DesiredRemedy => _complaint.Intake.DesiredRemedy ?? "";

    /// <summary>Where it happened; <c>""</c> if not said.</summary>
    public string Location => _complaint.Intake.Location ?? "";

    /// <summary>The amount claimed; 0 if none.</summary>
    public decimal ClaimAmount => _complaint.Intake.ClaimedAmount?.Amount ?? 0;

    /// <summary>The currency of the claim; <c>""</c> if none.</summary>
    public string Currency => _complaint.Intake.ClaimedAmount?.Currency ?? "";

    /// <summary>Whether the complainant gave no name.</summary>
    public bool Anonymous => _complaint.Intake.Complainant.IsAnonymous;

    /// <summary>A risk to safety was reported.</summary>
    public bool SafetyRisk => Flags.HasFlag(ComplaintFlags.SafetyRisk);

    /// <summary>A risk to health was reported.</summary>
    public bool HealthRisk => Flags.HasFlag(ComplaintFlags.HealthRisk);

    /// <summary>The complainant threatens to go to a regulator or higher authority.</summary>
    public bool RegulatorThreat => Flags.HasFlag(ComplaintFlags.RegulatorThreat);

    /// <summary>The complainant threatens to go to the media.</summary>
    public bool MediaThreat => Flags.HasFlag(ComplaintFlags.MediaThreat);

    /// <summary>Several departments are involved.</summary>
    public bool MultipleDepartments => Flags.HasFlag(ComplaintFlags.MultipleDepartments);

    /// <summary>The complainant has complained about this before.</summary>
    public bool Repeated => Flags.HasFlag(ComplaintFlags.Repeated);

    /// <summary>The complainant was violent or behaved unlawfully.</summary>
    public bool ViolentBehaviour => Flags.HasFlag(ComplaintFlags.ViolentBehaviour);

    /// <summary>The investigation's outcome: <c>substantiated</c>, <c>partly-substantiated</c>, <c>not-substantiated</c>; <c>""</c> before findings.</summary>
    public string FindingOutcome => _complaint.Findings is { } f ? Names.Of(f.Outcome) : "";

    /// <summary>The root cause found; <c>""</c> before findings.</summary>
    public string RootCause => _complaint.Findings is { } g ? Names.Of(g.Cause) : "";

    /// <summary>For a report: the fine imposed; 0 if none.</summary>
    public decimal FineAmount => _complaint.Findings?.Fine?.Amount ?? 0;

    /// <summary>For a report: the value recovered; 0 if none.</summary>
    public decimal RecoveredAmount => _complaint.Findings?.Recovered?.Amount ?? 0;

    /// <summary>When the complaint was received.</summary>
    public DateTimeOffset ReceivedAt => _complaint.ReceivedAt;

    /// <summary>When the incident happened; <see cref="DateTimeOffset.MinValue"/> if not said.</summary>
    public DateTimeOffset OccurredAt => _complaint.Intake.OccurredAt ?? DateTimeOffset.MinValue;

    /// <summary>Whole days from the incident to receipt (e.g. for "complaints made more than a year later"); -1 if the incident's date is unknown.</summary>
    public int DaysFromIncidentToReceipt => _complaint.Intake.OccurredAt is { } occurred ? Dates.DaysBetween(occurred, _complaint.ReceivedAt) : -1;

    /// <summary>How many times the customer rejected a remedy.</summary>
    public int CustomerRejections => _complaint.CustomerRejections;

    /// <summary>The escalation level (0 for none).</summary>
    public int EscalationLevel => _complaint.EscalationLevel;

    /// <summary>How many times the case was reopened.</summary>
    public int ReopenCount => _complaint.ReopenCount;

    /// <summary>How many pieces of evidence are on file.</summary>
    public int EvidenceCount => _complaint.Evidence.Count;

    /// <summary>How many people were recused from the case.</summary>
    public int RecusalCount => _complaint.Recusals.Count;

    /// <summary>
    /// Whether the complainant was told why the case takes longer: a deadline of the case that is breached or still
    /// open was extended with a reason given to the complainant (<c>ExtendDeadline</c>). For penalty conditions such as
    /// "late <em>and</em> the reporter not told why".
    /// </summary>
    public bool ToldWhyLate
    {
        get
        {
            foreach (var deadline in _complaint.Deadlines)
            {
                if ((deadline.MetAt is null || deadline.BreachedAt is not null) && !string.IsNullOrWhiteSpace(deadline.ExtensionReason))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private ComplaintFlags Flags => _complaint.Intake.Flags;

    /// <summary>The case these facts were read from.</summary>
    internal Complaint Source => _complaint;

    /// <summary>The case's industry-specific fields, as recorded (for reading them once for many names).</summary>
    internal IReadOnlyDictionary<string, string>? Attributes => _complaint.Intake.Attributes;

    /// <summary>An industry-specific field recorded at intake (a licence plate, a ward, a batch number), or <c>""</c>.</summary>
    /// <param name="name">The field's name.</param>
    /// <returns>Its value, or <c>""</c>.</returns>
    public string Attribute(string name) =>
        _complaint.Intake.Attributes is { } attributes && attributes.TryGetValue(name, out var value) ? value : "";

    /// <summary>Whether an industry-specific field was recorded with a non-empty value.</summary>
    /// <param name="name">The field's name.</param>
    /// <returns><see langword="true"/> if present.</returns>
    public bool HasAttribute(string name) => Attribute(name).Length > 0;
}
