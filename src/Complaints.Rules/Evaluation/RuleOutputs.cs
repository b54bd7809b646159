using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Rules.Facts;

namespace Complaints.Rules.Evaluation;

/// <summary>What a matched rule contributes, parsed and checked from its <c>Properties</c> at load.</summary>
internal abstract record RuleOutput
{
    /// <summary>A short text of the output, for explanations.</summary>
    public abstract string Describe();
}

internal sealed record AdmissibilityOutput(AdmissibilityOutcome Outcome, string? Reason, string? RedirectTo) : RuleOutput
{
    public override string Describe() => RedirectTo is null ? $"{Outcome}: {Reason}" : $"{Outcome} to {RedirectTo}: {Reason}";
}

internal sealed record SeverityOutput(string? Category, Severity? Tier, string? Reason) : RuleOutput
{
    public override string Describe() => string.Join("; ", new[] { Category is null ? null : $"category {Category}", Tier is null ? null : $"tier {Tier}", Reason }.Where(s => s is not null));
}

internal sealed record RoutingOutput(string Department, string? Role) : RuleOutput
{
    /// <summary>Routes to the department of the subject complained about (谁的客户谁负责).</summary>
    public const string SubjectDepartment = "$subject-department";

    public override string Describe() => Role is null ? $"to {Department}" : $"to {Department} ({Role})";
}

internal sealed record DeadlineOutput(DeadlineKind Kind, int Amount, DeadlineUnit Unit, decimal? WarnAt, int? ExtendableTo, string? ExtensionApprovedBy, ClockStart StartsAt = ClockStart.Received) : RuleOutput
{
    public override string Describe() => (ExtendableTo is { } most
        ? $"{Kind} within {Amount} {Unit}, extendable to {most} by {ExtensionApprovedBy ?? "an approver"}"
        : $"{Kind} within {Amount} {Unit}") + (StartsAt == ClockStart.Received ? "" : $", counted from {Names.Of(StartsAt)}");
}

internal sealed record ApprovalOutput(IReadOnlyList<string> Steps) : RuleOutput
{
    public override string Describe() => "needs " + string.Join(" then ", Steps);
}

/// <summary>A confidentiality rule: why the identity is withheld, and which other parts of the case are.</summary>
internal sealed record ConfidentialityOutput(string Reason, ConfidentialParts Withheld) : RuleOutput
{
    public override string Describe() => Withheld == ConfidentialParts.None ? Reason : $"{Reason}; withhold {Withheld}";
}

internal sealed record ReasonOutput(string Reason, string? NotifyRole = null) : RuleOutput
{
    public override string Describe() => NotifyRole is null ? Reason : $"{Reason}; notify {NotifyRole}";
}

internal sealed record RewardOutput(RewardBasis Basis, decimal MinPercent, decimal MaxPercent, decimal? MinAmount, decimal? MaxAmount, bool ConsentForPublicity) : RuleOutput
{
    public override string Describe() => Basis switch
    {
        RewardBasis.None => "no reward",
        RewardBasis.Seriousness => $"by seriousness, {MinAmount}–{MaxAmount}",
        _ => $"{MinPercent}–{MaxPercent} % of the {Basis.ToString().ToLowerInvariant()}",
    };
}

internal sealed record SanctionSpec(SanctionKind Kind, decimal? Amount);

internal sealed record PenaltyOutput(IReadOnlyList<SanctionSpec> Sanctions) : RuleOutput
{
    public override string Describe() => string.Join(" + ", Sanctions.Select(s => s.Amount is { } a ? $"{s.Kind} {a}" : s.Kind.ToString()));
}

/// <summary>A notice rule: who is told, of which kind, why, and what the message adds.</summary>
internal sealed record NoticeOutput(string To, NotificationKind Kind, string Reason, string? Text) : RuleOutput
{
    public override string Describe() => $"tell {To} ({Kind}): {Reason}";
}

internal sealed record GuidanceOutput(string Advice) : RuleOutput
{
    public override string Describe() => Advice;
}
