using Complaints.Journal;
using Complaints.Policy;

namespace Complaints.Workflow.Access;

/// <summary>
/// What one reader may see of one case: decided once (<see cref="CaseAccess.ViewOf"/>) and applied the same way to
/// the case, its journal entries, the explanations in them and the errors the reader gets. The one place where the
/// complainant's identity and the case's materials are withheld.
/// </summary>
/// <param name="Identity">Whether the complainant's identity is shown.</param>
/// <param name="Withheld">The parts of the case withheld besides the identity.</param>
internal readonly record struct CaseView(bool Identity, ConfidentialParts Withheld)
{
    /// <summary>What stands in for withheld text.</summary>
    public const string WithheldText = Complainant.Withheld;

    /// <summary>Everything shown.</summary>
    public static CaseView Full => new(true, ConfidentialParts.None);

    /// <summary>Whether nothing is withheld.</summary>
    public bool IsFull => Identity && Withheld == ConfidentialParts.None;

    /// <summary>Who stands in for a person withheld because they are, or could be, the complainant.</summary>
    public static Actor WithheldActor { get; } = new(new ActorId(WithheldText), WithheldText, []);

    /// <summary>
    /// Whether the case's receiver may be the complainant: a staff member who filed their own complaint or an
    /// internal report, or an anonymous case (whoever brought it in may be the one who made it).
    /// </summary>
    public static bool ReceiverMayBeComplainant(Complaint complaint) =>
        complaint.Intake.Complainant.IsAnonymous || complaint.Intake.Complainant.StaffId == complaint.ReceivedBy.Id;

    private bool Hides(ConfidentialParts part) => (Withheld & part) != 0;

    private bool HidesEvidence => !Identity || Hides(ConfidentialParts.Evidence);

    /// <summary>The case as this view shows it.</summary>
    public Complaint Apply(Complaint complaint)
    {
        if (IsFull)
        {
            return complaint;
        }

        return complaint with
        {
            Intake = Apply(complaint.Intake),
            ReceivedBy = !Identity && ReceiverMayBeComplainant(complaint) ? WithheldActor : complaint.ReceivedBy,
            Evidence = HidesEvidence ? Withhold(complaint.Evidence) : complaint.Evidence,
            AccusedStatement = Hides(ConfidentialParts.AccusedStatement) ? Text(complaint.AccusedStatement) : complaint.AccusedStatement,
            Findings = Apply(complaint.Findings),
            Recusals = Identity ? complaint.Recusals : [.. complaint.Recusals.Select(r => r with { Reason = WithheldText })],
            // Stryker disable once Equality : with no holds, the empty list selected is an empty list just the same
            Holds = Hides(ConfidentialParts.Description) && complaint.Holds.Count > 0 ? [.. complaint.Holds.Select(Apply)] : complaint.Holds,
        };
    }

    /// <summary>The journal as this view shows it; <paramref name="complaint"/> is the case as stored.</summary>
    public IReadOnlyList<JournalEntry> Apply(Complaint complaint, IReadOnlyList<JournalEntry> entries)
    {
        if (IsFull)
        {
            return entries;
        }

        var hideReceiver = !Identity && ReceiverMayBeComplainant(complaint);
        var complainantStaff = complaint.Intake.Complainant.StaffId;
        var shown = new JournalEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var actor = !Identity && (entry.Actor.Id == complainantStaff || (hideReceiver && entry.Actor.Id == complaint.ReceivedBy.Id))
                ? WithheldActor
                : entry.Actor;
            shown[i] = entry with { Actor = actor, Event = Apply(entry.Event) };
        }

        return shown;
    }

    /// <summary>An event as this view shows it: withheld parts replaced, explanations without the values rules saw.</summary>
    public ComplaintEvent Apply(ComplaintEvent e) => e switch
    {
        ComplaintReceived x => x with { Intake = Apply(x.Intake) },
        ComplaintImported x => x with { Case = x.Case with { Intake = Apply(x.Case.Intake), Findings = Apply(x.Case.Findings) } },
        ComplaintTriaged x => x with
        {
            Admissibility = Strip(x.Admissibility),
            Severity = Strip(x.Severity),
            Routing = Strip(x.Routing),
            DeadlineRules = Strip(x.DeadlineRules),
        },
        ComplaintRejected x => x with { Decision = StripOrNull(x.Decision) },
        ComplaintRedirected x => x with { Decision = StripOrNull(x.Decision) },
        ResolvedOnSpot x => x with { Severity = Strip(x.Severity), Approval = Strip(x.Approval) },
        HandlerAssigned x => x with { Recusal = Strip(x.Recusal) },
        HandlerRecused x => Identity ? x : x with { Reason = WithheldText },
        EvidenceAdded x => HidesEvidence ? x with { Evidence = new EvidenceReference(WithheldText) } : x,
        AccusedHeard x => Hides(ConfidentialParts.AccusedStatement) ? x with { Statement = WithheldText } : x,
        FindingsRecorded x => x with { Findings = Apply(x.Findings)! },
        RemedyProposed x => x with { Approval = Strip(x.Approval) },
        RemedyApproved x => x with { Recusal = Strip(x.Recusal) },
        CustomerRejected x => x with { Escalation = StripOrNull(x.Escalation) },
        Escalated x => x with { Decision = StripOrNull(x.Decision) },
        ComplaintClosed x => x with { Reward = StripOrNull(x.Reward) },
        AccountabilityAssessed x => x with { Decision = Strip(x.Decision) },
        DeadlineBreached x => x with { Escalation = Strip(x.Escalation) },
        ProductHoldPlaced x => Hides(ConfidentialParts.Description) ? x with { Reason = WithheldText, Scope = Text(x.Scope) } : x,
        ProductHoldReleased x => Hides(ConfidentialParts.Description) ? x with { Note = Text(x.Note) } : x,
        _ => e,
    };

    /// <summary>The intake as this view shows it.</summary>
    public ComplaintIntake Apply(ComplaintIntake intake) => IsFull ? intake : intake with
    {
        Complainant = Identity ? intake.Complainant : Complainant.Redacted,
        Description = Hides(ConfidentialParts.Description) ? WithheldText : intake.Description,
        Location = Hides(ConfidentialParts.Location) ? Text(intake.Location) : intake.Location,
        DesiredRemedy = Hides(ConfidentialParts.DesiredRemedy) ? Text(intake.DesiredRemedy) : intake.DesiredRemedy,
        Evidence = intake.Evidence is { } evidence && HidesEvidence ? Withhold(evidence) : intake.Evidence,
        Attributes = Hides(ConfidentialParts.Attributes) && intake.Attributes is { Count: > 0 } ? new Dictionary<string, string>() : intake.Attributes,
    };

    /// <summary>
    /// A hold as a reader shown no complaint text sees it: the product and the check's result stay (what the unit must
    /// act on); the reason, scope and note, written by staff and able to quote the complaint, are withheld with it.
    /// </summary>
    private static ProductHold Apply(ProductHold hold) => hold with { Reason = WithheldText, Scope = Text(hold.Scope), ReleaseNote = Text(hold.ReleaseNote) };

    private Findings? Apply(Findings? findings) =>
        findings is not null && Hides(ConfidentialParts.FindingsSummary) ? findings with { Summary = WithheldText } : findings;

    /// <summary>
    /// An explanation as this view shows it: which rules matched stays; the values they saw (which can quote the
    /// complaint's text or a person's relation to the complainant) go.
    /// </summary>
    public PolicyExplanation Apply(PolicyExplanation explanation)
    {
        if (IsFull)
        {
            return explanation;
        }

        var rules = explanation.Rules;
        var stripped = new RuleTrace[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            stripped[i] = rules[i].Detail is null ? rules[i] : rules[i] with { Detail = null };
        }

        return explanation with { Rules = stripped };
    }

    private T Strip<T>(T decision)
        where T : PolicyDecision => IsFull ? decision : (T)(decision with { Explanation = Apply(decision.Explanation) });

    private T? StripOrNull<T>(T? decision)
        where T : PolicyDecision => decision is null ? null : Strip(decision);

    private static string? Text(string? text) => text is null ? null : WithheldText;

    private static EvidenceReference[] Withhold(IReadOnlyList<EvidenceReference> evidence)
    {
        var withheld = new EvidenceReference[evidence.Count];
        Array.Fill(withheld, new EvidenceReference(WithheldText));
        return withheld;
    }
}
