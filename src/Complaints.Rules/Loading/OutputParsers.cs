using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Rules.Evaluation;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Loading;

/// <summary>
/// The output shape of each decision point, checked against the pack's roles, departments and categories (when
/// <c>pack.json</c> itself could not be read, the shapes are still checked, the names against it are not).
/// </summary>
internal static class OutputParsers
{
    public static RuleOutput? Parse(DecisionPoint point, OutputReader o, PackManifest? pack)
    {
        RuleOutput? output = point switch
        {
            DecisionPoint.Admissibility => Admissibility(o),
            DecisionPoint.Severity => Severity(o, pack),
            DecisionPoint.Routing => Routing(o, pack),
            DecisionPoint.Deadlines => Deadline(o, pack),
            DecisionPoint.Approval => Approval(o, pack),
            DecisionPoint.Recusal => o.Text("reason", required: true) is { } r ? new ReasonOutput(r) : null,
            DecisionPoint.Confidentiality => Confidentiality(o),
            DecisionPoint.Escalation => Escalation(o, pack),
            DecisionPoint.Rewards => Reward(o),
            DecisionPoint.Penalties => Penalty(o),
            DecisionPoint.Guidance => o.Text("advice", required: true) is { } a ? new GuidanceOutput(a) : null,
            DecisionPoint.Notices => Notice(o, pack),
            _ => null,
        };
        o.RejectUnknown();
        return output;
    }

    private static ConfidentialityOutput? Confidentiality(OutputReader o)
    {
        var reason = o.Text("reason", required: true);
        var withheld = ConfidentialParts.None;
        if (o.Text("withhold") is { } names)
        {
            foreach (var range in names.AsSpan().Split(','))
            {
                var name = names.AsSpan(range).Trim().ToString();
                if (!Names.TryParse<ConfidentialParts>(name, out var part) || part == ConfidentialParts.None)
                {
                    o.Problem($"'withhold' names '{name}', which is not a part of a case; list some of {Names.List<ConfidentialParts>().Replace("none, ", "", StringComparison.Ordinal)}, separated by commas.");
                    continue;
                }

                withheld |= part;
            }
        }

        return reason is null ? null : new ConfidentialityOutput(reason, withheld);
    }

    private static AdmissibilityOutput? Admissibility(OutputReader o)
    {
        var outcome = o.Enum<AdmissibilityOutcome>("outcome", required: true);
        var reason = o.Text("reason", required: outcome is AdmissibilityOutcome.Reject or AdmissibilityOutcome.Redirect);
        var redirectTo = o.Text("redirectTo", required: outcome is AdmissibilityOutcome.Redirect);
        return outcome is { } value ? new AdmissibilityOutput(value, reason, redirectTo) : null;
    }

    private static SeverityOutput? Severity(OutputReader o, PackManifest? pack)
    {
        var category = o.Text("category");
        var tier = o.Enum<Severity>("tier");
        var reason = o.Text("reason");
        if (category is not null && pack is { Categories.Count: > 0 } && !pack.Categories.Contains(category, StringComparer.OrdinalIgnoreCase))
        {
            o.Problem($"category '{category}' is not one of the pack's categories ({string.Join(", ", pack.Categories)}).");
        }

        if (!o.Has("category") && !o.Has("tier"))
        {
            o.Problem("a severity rule sets a 'category', a 'tier', or both.");
            return null;
        }

        return new SeverityOutput(category, tier, reason);
    }

    private static RoutingOutput? Routing(OutputReader o, PackManifest? pack)
    {
        var department = o.Text("department", required: true);
        var role = o.Text("role");
        if (department != RoutingOutput.SubjectDepartment)
        {
            CheckDepartment(o, pack, department);
        }

        CheckRole(o, pack, role);
        return department is null ? null : new RoutingOutput(department, role);
    }

    private static DeadlineOutput? Deadline(OutputReader o, PackManifest? pack)
    {
        var kind = o.Enum<DeadlineKind>("kind", required: true);
        var amount = o.Number("amount", required: true);
        var unit = o.Enum<DeadlineUnit>("unit", required: true);
        var warnAt = o.Number("warnAt");
        var extendableTo = o.Number("extendableTo");
        var approvedBy = o.Text("extensionApprovedBy");
        var startsAt = o.Enum<ClockStart>("startsAt") ?? ClockStart.Received;
        if (kind is { } metBy && MetBefore(metBy, startsAt) is { } meeting)
        {
            o.Problem($"output 'startsAt' is '{Names.Of(startsAt)}', but a '{Names.Of(metBy)}' deadline is met {meeting}, so a clock started then could only be breached; " +
                $"start it at one of {string.Join(", ", Enum.GetValues<ClockStart>().Where(s => MetBefore(metBy, s) is null).Select(Names.Of))}.");
        }

        if (amount is { } a && (a <= 0 || a != decimal.Truncate(a) || a > 3650))
        {
            o.Problem($"output 'amount' is {a}; use a whole number from 1 to 3650.");
            return null;
        }

        if (warnAt is { } share && (share <= 0 || share >= 1))
        {
            o.Problem($"output 'warnAt' is {share}; give the share of the time after which to warn, between 0 and 1 (e.g. 0.8).");
        }

        if (extendableTo is { } most && (most != decimal.Truncate(most) || amount is { } n0 && most <= n0))
        {
            o.Problem($"output 'extendableTo' is {most}; give a whole number of the same unit larger than 'amount'.");
        }

        if (approvedBy is not null && extendableTo is null)
        {
            o.Problem("output 'extensionApprovedBy' needs 'extendableTo'.");
        }

        CheckRole(o, pack, approvedBy);
        return kind is { } k && amount is { } n && unit is { } u ? new DeadlineOutput(k, (int)n, u, warnAt, (int?)extendableTo, approvedBy, startsAt) : null;
    }

    /// <summary>
    /// When a deadline of <paramref name="kind"/> is met, if that comes before (or with) <paramref name="start"/> on every
    /// case, so that a clock started at <paramref name="start"/> could never be met; <see langword="null"/> if it can be.
    /// </summary>
    private static string? MetBefore(DeadlineKind kind, ClockStart start) => (kind, start) switch
    {
        (DeadlineKind.Acknowledge, not (ClockStart.Received or ClockStart.Triaged)) => "at triage",
        (DeadlineKind.Propose, ClockStart.RemedyApproved or ClockStart.Resolved) => "when a remedy is proposed",
        (DeadlineKind.Resolve or DeadlineKind.NotifyResult, ClockStart.Resolved) => "when the decision is communicated",
        _ => null,
    };

    private static ApprovalOutput? Approval(OutputReader o, PackManifest? pack)
    {
        var steps = o.Texts("steps", required: true);
        foreach (var step in steps ?? [])
        {
            CheckRole(o, pack, step);
        }

        return steps is { Length: > 0 } ? new ApprovalOutput(steps) : null;
    }

    private static ReasonOutput? Escalation(OutputReader o, PackManifest? pack)
    {
        var reason = o.Text("reason", required: true);
        var notify = o.Text("notifyRole");
        CheckRole(o, pack, notify);
        return reason is null ? null : new ReasonOutput(reason, notify);
    }

    private static RewardOutput? Reward(OutputReader o)
    {
        var basis = o.Enum<RewardBasis>("basis", required: true);
        var percentNeeded = basis is RewardBasis.Fine or RewardBasis.Recovered;
        var min = o.Number("minPercent", required: percentNeeded) ?? 0;
        var max = o.Number("maxPercent", required: percentNeeded) ?? 0;
        var minAmount = o.Number("minAmount", required: basis is RewardBasis.Seriousness);
        var maxAmount = o.Number("maxAmount", required: basis is RewardBasis.Seriousness);
        var consent = o.Flag("consentForPublicity") ?? true;
        if (min < 0 || max > 100 || min > max)
        {
            o.Problem($"minPercent {min} and maxPercent {max} must satisfy 0 <= minPercent <= maxPercent <= 100.");
        }

        if (minAmount is { } lo && maxAmount is { } hi && lo > hi)
        {
            o.Problem($"minAmount {lo} is above maxAmount {hi}.");
        }

        return basis is { } b ? new RewardOutput(b, min, max, minAmount, maxAmount, consent) : null;
    }

    private static PenaltyOutput? Penalty(OutputReader o)
    {
        var sanctions = o.Objects("sanctions", s =>
        {
            var kind = s.Enum<SanctionKind>("kind", required: true);
            var amount = s.Number("amount", required: kind is SanctionKind.Fine);
            return kind is { } k ? new SanctionSpec(k, amount) : null;
        });
        return sanctions is { Count: > 0 } ? new PenaltyOutput(sanctions) : null;
    }

    private static NoticeOutput? Notice(OutputReader o, PackManifest? pack)
    {
        var to = o.Text("to", required: true);
        var kind = o.Enum<NotificationKind>("kind", required: true);
        var reason = o.Text("reason", required: true);
        var text = o.Text("text");
        if (to is not null and not (Policy.Notice.Complainant or Policy.Notice.Owner or Policy.Notice.Handler))
        {
            var role = to.EndsWith(Policy.Notice.OfTheDepartment, StringComparison.Ordinal) ? to[..^Policy.Notice.OfTheDepartment.Length] : to;
            if (pack is not null && !pack.Roles.Any(r => string.Equals(r.Id, role, StringComparison.OrdinalIgnoreCase)))
            {
                o.Problem($"output 'to' is '{to}'; tell '{Policy.Notice.Complainant}', '{Policy.Notice.Owner}', '{Policy.Notice.Handler}', a role of pack.json roles " +
                          $"({string.Join(", ", pack.Roles.Select(r => r.Id))}), or a role followed by '{Policy.Notice.OfTheDepartment}' for whoever holds it in the case's department.");
            }
        }

        return to is not null && kind is { } k && reason is not null ? new NoticeOutput(to, k, reason, text) : null;
    }

    private static void CheckRole(OutputReader o, PackManifest? pack, string? role)
    {
        if (role is not null && pack is not null && !pack.Roles.Any(r => string.Equals(r.Id, role, StringComparison.OrdinalIgnoreCase)))
        {
            o.Problem($"role '{role}' is not declared in pack.json roles ({string.Join(", ", pack.Roles.Select(r => r.Id))}).");
        }
    }

    private static void CheckDepartment(OutputReader o, PackManifest? pack, string? department)
    {
        if (department is not null && pack is not null && !pack.Departments.Any(d => string.Equals(d.Id, department, StringComparison.OrdinalIgnoreCase)))
        {
            o.Problem($"department '{department}' is not declared in pack.json departments ({string.Join(", ", pack.Departments.Select(d => d.Id))}).");
        }
    }
}
