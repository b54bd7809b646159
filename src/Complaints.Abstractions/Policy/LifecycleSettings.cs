namespace Complaints.Policy;

/// <summary>
/// How the lifecycle varies under one policy: which tiers need an emergency meeting before a remedy is proposed,
/// how serious a complaint may be and still be settled on the spot, who may triage, which kinds of case are asked
/// for a reward when they close, and whether sanctions need confirming. <see cref="Default"/> is the workflow's
/// behaviour for a policy that says nothing. A policy pack reads it from the <c>lifecycle</c> section of its
/// <c>pack.json</c>.
/// </summary>
public sealed record LifecycleSettings
{
    /// <summary>The settings of a policy that says nothing: today's lifecycle.</summary>
    public static LifecycleSettings Default { get; } = new();

    /// <summary>
    /// The tiers whose cases need an emergency meeting (<c>RecordEmergencyMeeting</c>) before a remedy is proposed.
    /// Default: <see cref="Severity.Major"/> only. Empty: no tier needs one.
    /// </summary>
    public IReadOnlyList<Severity> EmergencyMeetingTiers { get; init; } = [Severity.Major];

    /// <summary>
    /// The highest tier a complaint may be classified as and still be settled on the spot (<c>ResolveOnSpot</c>); the
    /// remedy must also be within the receiver's authority (no approval step). Default: <see cref="Severity.General"/>.
    /// </summary>
    public Severity OnSpotUpTo { get; init; } = Severity.General;

    /// <summary>
    /// The roles that may triage this policy's cases, in place of the roles of the workflow's permission rule for
    /// <c>Triage</c> (its relations still grant); <see langword="null"/> (the default) keeps the workflow's rule
    /// (a coordinator or a manager, unless the host changed it).
    /// </summary>
    public IReadOnlyList<string>? TriageRoles { get; init; }

    /// <summary>
    /// The kinds of case whose closing asks the policy for a reward (<see cref="IComplaintPolicy.DecideReward"/>).
    /// Default: <see cref="ComplaintKind.Report"/> only.
    /// </summary>
    public IReadOnlyList<ComplaintKind> RewardKinds { get; init; } = [ComplaintKind.Report];

    /// <summary>
    /// The role that confirms sanctions: an assessment of accountability by anyone else (including the deadline
    /// worker's assessment of a late handler) is recorded as proposed, awaiting that role, and a holder of the role
    /// puts it in force by assessing the same person and misconduct. <see langword="null"/> (the default): every
    /// assessment is in force as recorded.
    /// </summary>
    public string? PenaltiesConfirmedBy { get; init; }

    /// <summary>Whether a case of <paramref name="tier"/> needs an emergency meeting before a proposal.</summary>
    /// <param name="tier">The case's tier; <see langword="null"/> before classification (never needs one).</param>
    /// <returns><see langword="true"/> if it needs one.</returns>
    public bool NeedsEmergencyMeeting(Severity? tier) => tier is { } t && EmergencyMeetingTiers.Contains(t);
}
