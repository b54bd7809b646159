using System.Globalization;
using System.Text.Json;
using Complaints.Policy;

namespace Complaints.Workflow.WhatIf;

/// <summary>
/// A decision reduced to the fields a policy owner compares — values of the policy's own vocabulary (outcomes, tiers,
/// departments, roles, deadline rules, sanctions), never text from the case — and the names of the rules that matched.
/// </summary>
internal sealed record DecisionSnapshot(WhatIfPoint Point, IReadOnlyList<(string Field, string Value)> Fields, IReadOnlyList<string> Rules, PolicyRef Policy)
{
    /// <summary>The rule behind a single field, where the decision names one per field (each deadline names the rule that set it).</summary>
    public IReadOnlyDictionary<string, string>? FieldRules { get; init; }

    /// <summary>The rules behind <paramref name="field"/>: its own rule if it has one, else the decision's matched rules.</summary>
    public IReadOnlyList<string> RulesOf(string field) => FieldRules?.GetValueOrDefault(field) is { } rule ? [rule] : Rules;

    internal const string Absent = "—";

    /// <summary>The workflow's own line on a decision counted on provisional calendar days: not a rule of the policy.</summary>
    private const string CalendarProvisional = "calendar-provisional";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static DecisionSnapshot Of(AdmissibilityDecision d) => New(WhatIfPoint.Admissibility, d,
        ("outcome", d.Outcome switch
        {
            AdmissibilityOutcome.Accept => "accept",
            AdmissibilityOutcome.Reject => "reject",
            _ => $"redirect to {d.RedirectTo ?? "the competent body"}",
        }));

    public static DecisionSnapshot Of(SeverityDecision d) => New(WhatIfPoint.Severity, d, ("category", d.Category), ("tier", Name(d.Tier)));

    public static DecisionSnapshot Of(RoutingDecision d) => New(WhatIfPoint.Routing, d, ("department", d.Department.Value), ("role", d.Role));

    public static DecisionSnapshot Of(DeadlineDecision d)
    {
        var fields = new List<(string, string)>();
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            // The first rule per kind is the one the case gets.
            if (d.Deadlines.FirstOrDefault(r => r.Kind == kind) is { } rule)
            {
                var field = $"{Name(kind)} deadline";
                fields.Add((field, Describe(rule)));
                rules[field] = rule.Rule;
            }
        }

        return New(WhatIfPoint.Deadlines, d, [.. fields]) with { FieldRules = rules };
    }

    public static DecisionSnapshot Of(ApprovalDecision d, string? onTheSpot = null)
    {
        (string, string)[] fields =
        [
            ("steps", d.Steps.Count == 0 ? "none (within the handler's authority)" : string.Join(" → ", d.Steps)),
            ("one person may approve several steps", YesNo(d.OnePersonMayApproveSeveralSteps)),
        ];
        return New(WhatIfPoint.Approval, d, onTheSpot is null ? fields : [.. fields, ("settled on the spot", onTheSpot)]);
    }

    public static DecisionSnapshot Of(RecusalDecision d, string who) => New(WhatIfPoint.Recusal, d, ($"{who} must recuse", YesNo(d.MustRecuse)));

    public static DecisionSnapshot Of(EscalationDecision d) =>
        New(WhatIfPoint.Escalation, d, ("escalate", YesNo(d.Escalate)), ("notify role", d.NotifyRole ?? "none"));

    /// <summary>A reward decision, or none when the policy does not ask for one at this closing.</summary>
    public static DecisionSnapshot OfReward(RewardDecision? d, PolicyRef policy)
    {
        if (d is null)
        {
            return new DecisionSnapshot(WhatIfPoint.Reward, [("reward", "not decided (this kind of case gets none)")], [], policy);
        }

        return New(WhatIfPoint.Reward, d,
            ("reward", d.Eligible ? "eligible" : "not eligible"),
            ("basis", Name(d.Basis)),
            ("percent", string.Create(Invariant, $"{d.MinPercent:0.##}–{d.MaxPercent:0.##} %")),
            ("amount", $"{d.Min?.ToString() ?? "none"} – {d.Max?.ToString() ?? "none"}"),
            ("consent needed for publicity", YesNo(d.ConsentNeededForPublicity)));
    }

    public static DecisionSnapshot Of(PenaltyDecision d, string? awaitingConfirmationBy) => New(WhatIfPoint.Penalty, d,
        ("sanctions", d.Sanctions.Count == 0 ? "none" : string.Join("; ", d.Sanctions.Select(s => s.Amount is { } amount ? $"{Name(s.Kind)} {amount}" : Name(s.Kind)))),
        ("awaiting confirmation by", awaitingConfirmationBy ?? "none"));

    /// <summary>The fields that differ, each with both values (<see cref="Absent"/> for a field only one side has).</summary>
    public IEnumerable<(string Field, string Before, string After)> Differences(DecisionSnapshot draft)
    {
        foreach (var (field, before) in Fields)
        {
            var after = draft.Value(field);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                yield return (field, before, after);
            }
        }

        foreach (var (field, after) in draft.Fields)
        {
            if (!Fields.Any(f => f.Field == field))
            {
                yield return (field, Absent, after);
            }
        }
    }

    private string Value(string field)
    {
        foreach (var (name, value) in Fields)
        {
            if (name == field)
            {
                return value;
            }
        }

        return Absent;
    }

    private static DecisionSnapshot New(WhatIfPoint point, PolicyDecision decision, params (string, string)[] fields) =>
        new(point, fields, decision.Explanation.MatchedRules.Where(r => r != CalendarProvisional).Distinct(StringComparer.Ordinal).ToArray(), decision.Explanation.Policy);

    /// <summary>A deadline rule without its name or any instant: what it sets, the same whatever day it is counted from.</summary>
    internal static string Describe(DeadlineRule rule)
    {
        var text = string.Create(Invariant, $"{rule.Amount} {Unit(rule.Unit, rule.Amount)} from {Start(rule.StartsAt)}");
        if (rule.WarnAtShare is { } share)
        {
            text += string.Create(Invariant, $", warning at {share * 100:0.##} %");
        }

        if (rule.ExtendableTo is { } extendable)
        {
            text += string.Create(Invariant, $", extendable to {extendable}");
            if (rule.ExtensionApprovedBy is { } role)
            {
                text += $" with {role}'s approval";
            }
        }

        return text;
    }

    private static string Unit(DeadlineUnit unit, int amount) => (unit, amount == 1) switch
    {
        (DeadlineUnit.WorkingDays, true) => "working day",
        (DeadlineUnit.WorkingDays, false) => "working days",
        (DeadlineUnit.WorkingHours, true) => "working hour",
        (DeadlineUnit.WorkingHours, false) => "working hours",
        (DeadlineUnit.CalendarDays, true) => "calendar day",
        (DeadlineUnit.CalendarDays, false) => "calendar days",
        (_, true) => "hour",
        _ => "hours",
    };

    private static string Start(ClockStart start) => start switch
    {
        ClockStart.Received => "receipt",
        ClockStart.Triaged => "triage",
        ClockStart.Assigned => "assignment",
        ClockStart.FindingsRecorded => "findings",
        ClockStart.RemedyApproved => "approval",
        ClockStart.Resolved => "the decision",
        _ => "each reopening",
    };

    private static string YesNo(bool value) => value ? "yes" : "no";

    internal static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
