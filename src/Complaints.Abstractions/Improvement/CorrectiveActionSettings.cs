namespace Complaints.Improvement;

/// <summary>
/// What a policy says about corrective and preventive actions: when one is required, who approves it, how long its
/// owner has and when its effectiveness is checked. <see cref="Default"/> is the workflow's behaviour for a policy that
/// says nothing. A policy pack reads it from the <c>improvement</c> section of its <c>pack.json</c>.
/// </summary>
public sealed record CorrectiveActionSettings
{
    /// <summary>The settings of a policy that says nothing (see each property's default).</summary>
    public static CorrectiveActionSettings Default { get; } = new();

    /// <summary>The role that must approve an action before it is open; <see langword="null"/> (the default): none, an action is open when proposed.</summary>
    public string? ApprovalRole { get; init; }

    /// <summary>Working days from approval (or the proposal, when none is needed) to completion.</summary>
    /// <value>The default value is 10.</value>
    public int DueWorkingDays { get; init; } = 10;

    /// <summary>Working days before a due time (completion or verification) to warn the owner; 0 for no warning.</summary>
    /// <value>The default value is 2.</value>
    public int WarningWorkingDays { get; init; } = 2;

    /// <summary>Working days from completion to the check of effectiveness: the period over which recurrences are counted.</summary>
    /// <value>The default value is 60 (about a quarter).</value>
    public int VerifyAfterWorkingDays { get; init; } = 60;

    /// <summary>
    /// A closed case whose findings are substantiated (or partly) and whose tier is at least this one requires an action
    /// (rule <c>improvement.severity</c>); <see langword="null"/> for none.
    /// </summary>
    /// <value>The default value is <see cref="Severity.Major"/>.</value>
    public Severity? RequiredFromTier { get; init; } = Severity.Major;

    /// <summary>
    /// This many closed, substantiated cases of one root cause (in one department) received within
    /// <see cref="RecurrenceDays"/> require an action (rule <c>improvement.recurrence</c>); 0 for never.
    /// </summary>
    /// <value>The default value is 3.</value>
    public int RecurrenceCount { get; init; } = 3;

    /// <summary>The period, in calendar days, over which <see cref="RecurrenceCount"/> cases are counted.</summary>
    /// <value>The default value is 90 (a quarter).</value>
    public int RecurrenceDays { get; init; } = 90;

    /// <summary>Where the settings come from (the document and section), recorded with each action's terms; <see langword="null"/> for the library's defaults.</summary>
    public string? Basis { get; init; }

    /// <summary>The terms an action proposed now gets, with the rules (and basis) that set them.</summary>
    /// <param name="policy">The pack the settings belong to, named in the rules.</param>
    /// <returns>The terms.</returns>
    public CorrectiveActionTerms Terms(PolicyRef policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rule = $"{policy.Id}.improvement" + (Basis is { } basis ? $" ({basis})" : " (library defaults)");
        return new CorrectiveActionTerms(ApprovalRole, DueWorkingDays, WarningWorkingDays, VerifyAfterWorkingDays, [rule]);
    }
}
