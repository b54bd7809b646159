using Complaints.Rules.NRules;
using NRules.Fluent.Dsl;

namespace Complaints.NRulesSample;

/// <summary>The handler's goodwill gestures stop at their limit (¥200): above it, the department manager approves.</summary>
[Name("above-goodwill-limit-needs-department-manager")]
[Description("The remedy's amount is above the handler's goodwill limit")]
public sealed class AboveGoodwillLimitNeedsDepartmentManager : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        ApprovalRequest request = null!;
        When().Match(() => request, r => r.RemedyAmount > r.Settings.Limit("handler"));
        Then().Do(_ => request.RequireApproval("manager"));
    }
}

/// <summary>"投诉解决办法经总经理同意后": every remedy, whatever the amount, needs the general manager's consent.</summary>
[Name("general-manager-approves-every-remedy")]
[Description("Every remedy, whatever the amount, needs the general manager's consent")]
public sealed class GeneralManagerApprovesEveryRemedy : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        ApprovalRequest request = null!;
        When().Match(() => request);
        Then().Do(_ => request.RequireApproval("general-manager"));
    }
}

/// <summary>A major complaint goes to the department manager and the general manager.</summary>
[Name("major-complaint-department-manager-and-general-manager")]
[Description("A major complaint is decided by the department manager and the general manager")]
public sealed class MajorComplaintNeedsBothManagers : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        ApprovalRequest request = null!;
        When().Match(() => request, r => r.Tier == Severity.Major);
        Then().Do(_ => request.RequireApproval("manager", "general-manager"));
    }
}
