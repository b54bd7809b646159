using Complaints.Policy;
using Complaints.Rules.NRules;
using NRules.Fluent.Dsl;

namespace Complaints.NRulesSample;

// Penalties by the loss caused, on the person responsible and on their department head (the manager), and for a
// delay that held the complaint up. Every rule that fires adds its sanction; the priorities keep the pack's order.

/// <summary>The person responsible (not a manager) answers for the losses they caused.</summary>
[Name("person-responsible-liable-for-losses"), Priority(70)]
[Description("Loss caused by the person responsible")]
public sealed class PersonResponsibleLiableForLosses : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PenaltyRequest request = null!;
        When().Match(() => request, r => r.Misconduct == Misconduct.CausedLoss, r => !r.Person.HasRole("manager"));
        Then().Do(_ => request.Penalize(SanctionKind.LiabilityForLosses, null));
    }
}

/// <summary>A small loss (up to <c>seriousLoss</c>): a warning for the person responsible.</summary>
[Name("person-responsible-warning-for-small-loss"), Priority(60)]
[Description("Loss caused by the person responsible, claim up to seriousLoss")]
public sealed class PersonResponsibleWarningForSmallLoss : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PenaltyRequest request = null!;
        When().Match(() => request, r => r.Misconduct == Misconduct.CausedLoss, r => !r.Person.HasRole("manager"),
            r => r.ClaimAmount <= r.Settings.Setting("seriousLoss"));
        Then().Do(_ => request.Penalize(SanctionKind.Warning, null));
    }
}

/// <summary>A large loss (above <c>seriousLoss</c>): a demerit for the person responsible.</summary>
[Name("person-responsible-demerit-for-large-loss"), Priority(50)]
[Description("Loss caused by the person responsible, claim above seriousLoss")]
public sealed class PersonResponsibleDemeritForLargeLoss : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PenaltyRequest request = null!;
        When().Match(() => request, r => r.Misconduct == Misconduct.CausedLoss, r => !r.Person.HasRole("manager"),
            r => r.ClaimAmount > r.Settings.Setting("seriousLoss"));
        Then().Do(_ => request.Penalize(SanctionKind.Demerit, null));
    }
}

/// <summary>The department head is warned for a large loss (above <c>seriousLoss</c>, up to <c>majorLoss</c>).</summary>
[Name("department-head-warning-for-large-loss"), Priority(40)]
[Description("Loss in the manager's department, claim above seriousLoss up to majorLoss")]
public sealed class DepartmentHeadWarningForLargeLoss : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PenaltyRequest request = null!;
        When().Match(() => request, r => r.Misconduct == Misconduct.CausedLoss, r => r.Person.HasRole("manager"),
            r => r.ClaimAmount > r.Settings.Setting("seriousLoss"), r => r.ClaimAmount <= r.Settings.Setting("majorLoss"));
        Then().Do(_ => request.Penalize(SanctionKind.Warning, null));
    }
}

/// <summary>The department head gets a demerit for a major loss (above <c>majorLoss</c>).</summary>
[Name("department-head-demerit-for-major-loss"), Priority(30)]
[Description("Loss in the manager's department, claim above majorLoss")]
public sealed class DepartmentHeadDemeritForMajorLoss : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PenaltyRequest request = null!;
        When().Match(() => request, r => r.Misconduct == Misconduct.CausedLoss, r => r.Person.HasRole("manager"),
            r => r.ClaimAmount > r.Settings.Setting("majorLoss"));
        Then().Do(_ => request.Penalize(SanctionKind.Demerit, null));
    }
}

/// <summary>A delay that held the complaint up (it did not escalate): a warning.</summary>
[Name("delay-held-the-complaint-up"), Priority(20)]
[Description("Late handling; the case was not escalated")]
public sealed class DelayHeldTheComplaintUp : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PenaltyRequest request = null!;
        When().Match(() => request, r => r.Misconduct == Misconduct.LateHandling, r => r.Complaint.EscalationLevel == 0);
        Then().Do(_ => request.Penalize(SanctionKind.Warning, null));
    }
}

/// <summary>A delay that made the complaint escalate: a demerit.</summary>
[Name("delay-made-the-complaint-escalate"), Priority(10)]
[Description("Late handling; the case was escalated")]
public sealed class DelayMadeTheComplaintEscalate : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        PenaltyRequest request = null!;
        When().Match(() => request, r => r.Misconduct == Misconduct.LateHandling, r => r.Complaint.EscalationLevel > 0);
        Then().Do(_ => request.Penalize(SanctionKind.Demerit, null));
    }
}
