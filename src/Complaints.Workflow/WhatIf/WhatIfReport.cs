using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Complaints.Policy;

namespace Complaints.Workflow.WhatIf;

/// <summary>The decision points a what-if replay re-asks, one per kind of decision a case's journal records.</summary>
public enum WhatIfPoint
{
    /// <summary>Accept, reject or redirect, at triage (<see cref="IComplaintPolicy.DecideAdmissibility"/>).</summary>
    Admissibility,

    /// <summary>Category and tier, at triage and on-the-spot settlement (<see cref="IComplaintPolicy.Classify"/>).</summary>
    Severity,

    /// <summary>Department and role, at triage (<see cref="IComplaintPolicy.Route"/>).</summary>
    Routing,

    /// <summary>The deadline rules set at triage (<see cref="IComplaintPolicy.SetDeadlines"/>).</summary>
    Deadlines,

    /// <summary>The approval steps of a remedy, and whether an on-the-spot settlement is allowed (<see cref="IComplaintPolicy.RequireApproval"/>).</summary>
    Approval,

    /// <summary>Whether a handler or an approver must step aside (<see cref="IComplaintPolicy.CheckRecusal"/>).</summary>
    Recusal,

    /// <summary>Whether a rejection, a request or a breach raises the case a level (<see cref="IComplaintPolicy.CheckEscalation"/>).</summary>
    Escalation,

    /// <summary>The reward range decided at closing (<see cref="IComplaintPolicy.DecideReward"/>).</summary>
    Reward,

    /// <summary>The sanctions of an accountability assessment (<see cref="IComplaintPolicy.AssessPenalty"/>).</summary>
    Penalty,
}

/// <summary>How many decisions of one decision point a what-if replay re-asked, and how many came out differently.</summary>
/// <param name="Point">The decision point.</param>
/// <param name="Compared">The decisions re-asked of the draft and compared with the recorded ones.</param>
/// <param name="Changed">Those of them the draft decides differently in at least one field.</param>
/// <param name="Failed">The decisions the draft could not make (it threw); not counted in <paramref name="Compared"/>.</param>
public sealed record WhatIfPointSummary(WhatIfPoint Point, int Compared, int Changed, int Failed)
{
    /// <summary>
    /// The recorded decisions that could not be re-asked faithfully and were left out of <see cref="Compared"/>: a
    /// penalty whose assessed person the journal does not show (with their roles) before the assessment.
    /// </summary>
    public int NotComparable { get; init; }

    /// <summary>The compared decisions the draft decides the same way.</summary>
    public int Unchanged => Compared - Changed;
}

/// <summary>
/// One field of a recorded decision that the draft decides differently: which case and journal entry, the field,
/// the value recorded and the draft's value, and the rules behind each. It carries no complainant's name, contact
/// or description: only the case id, decision values (tiers, departments, roles, deadline rules …) and rule names.
/// </summary>
/// <param name="Case">The case.</param>
/// <param name="Sequence">The journal entry that records the decision.</param>
/// <param name="At">When the decision was recorded.</param>
/// <param name="Event">The entry's event, as the journal names it (<c>triaged</c>, <c>remedy-proposed</c> …).</param>
/// <param name="Point">The decision point.</param>
/// <param name="Field">The field that differs, e.g. <c>tier</c> or <c>resolve deadline</c>.</param>
/// <param name="Before">The value recorded (<c>—</c> when the recorded decision has no such field).</param>
/// <param name="After">The draft's value (<c>—</c> when the draft's decision has no such field).</param>
/// <param name="RecordedRules">The rules that matched in the recorded decision.</param>
/// <param name="DraftRules">The rules of the draft that matched.</param>
/// <param name="RecordedUnder">The policy (pack id and version) that made the recorded decision.</param>
public sealed record WhatIfChange(
    ComplaintId Case,
    long Sequence,
    DateTimeOffset At,
    string Event,
    WhatIfPoint Point,
    string Field,
    string Before,
    string After,
    IReadOnlyList<string> RecordedRules,
    IReadOnlyList<string> DraftRules,
    PolicyRef RecordedUnder);

/// <summary>A decision the draft could not make, or a case whose journal could not be replayed.</summary>
/// <param name="Case">The case.</param>
/// <param name="Sequence">The journal entry, or <see langword="null"/> when the case's journal could not be read at all.</param>
/// <param name="Point">The decision point, or <see langword="null"/> when the journal itself could not be replayed.</param>
/// <param name="Error">The exception's type name. Not its message: a draft's exception may quote the case (the complainant's name, the description).</param>
public sealed record WhatIfFailure(ComplaintId Case, long? Sequence, WhatIfPoint? Point, string Error);

/// <summary>
/// The result of <see cref="PolicyWhatIf.RunAsync"/>: per decision point, how many recorded decisions were re-asked
/// of the draft and how many would change, and each changed field with the rules behind both sides. Render it with
/// <see cref="ToText"/>, <see cref="ToMarkdown"/> or <see cref="ToJson"/>; none of them contains a complainant's
/// name, contact details or the complaint's text.
/// </summary>
public sealed class WhatIfReport
{
    internal WhatIfReport(
        PolicyRef draft,
        string packId,
        DateTimeOffset? receivedFrom,
        DateTimeOffset? receivedTo,
        int casesRead,
        int casesReplayed,
        int casesUnreadable,
        IReadOnlyList<WhatIfPointSummary> points,
        IReadOnlyList<WhatIfChange> changes,
        IReadOnlyList<WhatIfFailure> failures)
    {
        Draft = draft;
        PackId = packId;
        ReceivedFrom = receivedFrom;
        ReceivedTo = receivedTo;
        CasesRead = casesRead;
        CasesReplayed = casesReplayed;
        CasesUnreadable = casesUnreadable;
        Points = points;
        Changes = changes;
        Failures = failures;
    }

    /// <summary>The draft policy's id and version.</summary>
    public PolicyRef Draft { get; }

    /// <summary>The pack id whose cases were replayed (the draft stands in for it).</summary>
    public string PackId { get; }

    /// <summary>The start of the period (cases received at or after it); <see langword="null"/> for no lower bound.</summary>
    public DateTimeOffset? ReceivedFrom { get; }

    /// <summary>The end of the period (cases received before it); <see langword="null"/> for no upper bound.</summary>
    public DateTimeOffset? ReceivedTo { get; }

    /// <summary>The cases of the period read from the store, under any pack.</summary>
    public int CasesRead { get; }

    /// <summary>The cases opened under <see cref="PackId"/>, whose journals were replayed.</summary>
    public int CasesReplayed { get; }

    /// <summary>
    /// The stored cases of the period the store could not read (it steps past them; their pack is unknown), so not
    /// replayed: the count only. A store's <c>FindUnreadableCasesAsync</c> lists them for an operator.
    /// </summary>
    public int CasesUnreadable { get; }

    /// <summary>The cases of the period opened under another pack, left out.</summary>
    public int CasesOfOtherPacks => CasesRead - CasesReplayed;

    /// <summary>One summary per decision point, in the order of <see cref="WhatIfPoint"/>.</summary>
    public IReadOnlyList<WhatIfPointSummary> Points { get; }

    /// <summary>Every changed field, by case (in receipt order), journal entry and decision point.</summary>
    public IReadOnlyList<WhatIfChange> Changes { get; }

    /// <summary>The decisions the draft could not make and the journals that could not be replayed.</summary>
    public IReadOnlyList<WhatIfFailure> Failures { get; }

    /// <summary>Whether the draft decides at least one recorded decision differently.</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>How many decisions (not fields) the draft decides differently.</summary>
    public int ChangedDecisions => Points.Sum(p => p.Changed);

    /// <summary>What the replay did with each decision, as the report's renderings state it.</summary>
    public const string Semantics =
        "Each recorded decision is re-asked of the draft on the case as it was when that decision was made, and compared field by field; " +
        "later decisions are not re-derived from an earlier one the draft would change. Deadlines are compared as rules (amount, unit, start, warning, extension), not as due times.";

    /// <summary>The report as plain text for a terminal: the period, a table per decision point, then each change.</summary>
    /// <returns>The text.</returns>
    public string ToText() => WhatIfRendering.Text(this);

    /// <summary>The report as Markdown: a summary table and a table of changes, for a pull request or a review page.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown() => WhatIfRendering.Markdown(this);

    /// <summary>The report as indented JSON (camelCase, enums in kebab case), for tools.</summary>
    /// <returns>The JSON.</returns>
    /// <remarks>Written with reflection over an anonymous shape, so not available in a trimmed or native AOT application (a tool's report).</remarks>
    [RequiresUnreferencedCode("The what-if report's JSON is written with reflection-based serialization.")]
    [RequiresDynamicCode("The what-if report's JSON is written with reflection-based serialization.")]
    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            draft = Draft,
            packId = PackId,
            receivedFrom = ReceivedFrom,
            receivedTo = ReceivedTo,
            casesRead = CasesRead,
            casesReplayed = CasesReplayed,
            casesUnreadable = CasesUnreadable,
            semantics = Semantics,
            points = Points.Select(p => new { p.Point, p.Compared, p.Unchanged, p.Changed, p.Failed, p.NotComparable }),
            changes = Changes,
            failures = Failures,
        },
        JsonOptions);

    /// <inheritdoc />
    public override string ToString() => WhatIfRendering.Headline(this);

    private static readonly JsonSerializerOptions JsonOptions = new(ComplaintsJson.Options) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };
}
