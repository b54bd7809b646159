namespace Complaints.Policy;

/// <summary>What a reward for a substantiated report is reckoned on.</summary>
public enum RewardBasis
{
    /// <summary>No reward.</summary>
    None,

    /// <summary>A share of the fine imposed.</summary>
    Fine,

    /// <summary>A share of the value recovered.</summary>
    Recovered,

    /// <summary>By the seriousness of the case and the value of the lead, when nothing was fined or recovered.</summary>
    Seriousness,
}

/// <summary>The reward range for a report (举报), decided when the case closes.</summary>
/// <param name="Eligible">Whether a reward is due.</param>
/// <param name="Basis">What it is reckoned on.</param>
/// <param name="MinPercent">The lowest share of the basis, in percent.</param>
/// <param name="MaxPercent">The highest share, in percent.</param>
/// <param name="Min">The lowest amount, after minimums and caps.</param>
/// <param name="Max">The highest amount, after minimums and caps.</param>
/// <param name="ConsentNeededForPublicity">Whether the reporter's consent is needed before any publicity or public award.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record RewardDecision(
    bool Eligible,
    RewardBasis Basis,
    decimal MinPercent,
    decimal MaxPercent,
    Money? Min,
    Money? Max,
    bool ConsentNeededForPublicity,
    PolicyExplanation Explanation) : PolicyDecision(Explanation);

/// <summary>Kinds of sanction on staff.</summary>
public enum SanctionKind
{
    /// <summary>A warning.</summary>
    Warning,

    /// <summary>A demerit (记过).</summary>
    Demerit,

    /// <summary>A fine.</summary>
    Fine,

    /// <summary>Dismissal.</summary>
    Dismissal,

    /// <summary>Referral to the judicial authorities.</summary>
    Referral,

    /// <summary>Liability for the losses caused.</summary>
    LiabilityForLosses,
}

/// <summary>One sanction.</summary>
/// <param name="Kind">The sanction.</param>
/// <param name="Amount">For a fine, the amount.</param>
/// <param name="Rule">The rule that imposed it.</param>
public sealed record Sanction(SanctionKind Kind, Money? Amount, string Rule);

/// <summary>The well-known kinds of misconduct the built-in packs sanction. Packs may name more.</summary>
public static class Misconduct
{
    /// <summary>The investigation was not finished in time and the complainant was not told why.</summary>
    public const string LateHandling = "late-handling";

    /// <summary>The complainant's identity was leaked to the accused, or the accused was tipped off.</summary>
    public const string IdentityLeak = "identity-leak";

    /// <summary>A malicious accusation or false evidence.</summary>
    public const string MaliciousAccusation = "malicious-accusation";

    /// <summary>A report was hidden or delayed, or the investigation obstructed.</summary>
    public const string Obstruction = "obstruction";

    /// <summary>Minor retaliation against a complainant.</summary>
    public const string RetaliationMinor = "retaliation-minor";

    /// <summary>Serious retaliation against a complainant.</summary>
    public const string RetaliationSerious = "retaliation-serious";

    /// <summary>Shirking that drove the complainant to outside authorities or the media.</summary>
    public const string Shirking = "shirking";

    /// <summary>Causing the loss complained about.</summary>
    public const string CausedLoss = "caused-loss";
}

/// <summary>The sanctions the policy sets for a person's misconduct on a case.</summary>
/// <param name="Sanctions">The sanctions, in the order the rules gave them; empty if none.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record PenaltyDecision(IReadOnlyList<Sanction> Sanctions, PolicyExplanation Explanation)
    : PolicyDecision(Explanation);

/// <summary>Handling advice for the case at hand (how to approach this complainant).</summary>
/// <param name="Advice">The advice, most specific first.</param>
/// <param name="Explanation">The rules behind it.</param>
public sealed record GuidanceDecision(IReadOnlyList<string> Advice, PolicyExplanation Explanation)
    : PolicyDecision(Explanation);
