using Complaints.Analysis;
using Complaints.Improvement;

namespace Complaints.Workflow.Tests.Analysis;

/// <summary>
/// Eleven corrective actions around the first quarter of 2026 (UTC), built by hand so that the tests can count the figures
/// themselves. The quarter is [Jan 1, Apr 1); the figures are as of Apr 1 00:00 (= the end) or as of Feb 15 (in the past).
/// </summary>
/// <remarks>
/// <code>
/// A1  finance   proposed Dec 10 (before)  no approval, due Jan 20                          → Open
/// A2  finance   proposed Jan 1 00:00 (= From) awaits approval (due Jan 29), approved Feb 20, due Apr 1 00:00 (= AsOf) → Open
/// A3  nursing   proposed Apr 1 00:00 (= To)  awaits approval, due Apr 15                    → AwaitingApproval
/// A4  nursing   proposed Jan 10, completed Feb 1, verification due Mar 1                     → Completed
/// A5  finance   proposed Jan 12, completed Jan 20, verification due May 1, verified effective Mar 10 → Verified
/// A6  —         proposed Nov 1 (before), completed Dec 1, found ineffective Feb 10           → Ineffective
/// A7  finance   proposed Jan 20, awaits approval, declined Feb 1                             → Declined
/// A8  nursing   proposed Feb 1, no approval, due Feb 14, cancelled Mar 1                     → Cancelled
/// A9  finance   pack dealership, proposed Feb 2, no approval, due Feb 20                     → Open
/// A10 nursing   category billing, proposed Mar 1, approved Mar 2, due Mar 31 23:59:59,
///               completed Apr 1 00:00:01 (after AsOf), verification due Jun 1               → Completed
/// A11 finance   proposed Feb 20, completed Mar 1, verified effective Apr 1 00:00 (= To)      → Verified
/// </code>
/// </remarks>
internal static class CorrectiveActionFixture
{
    public static readonly DateTimeOffset From = D(2026, 1, 1);
    public static readonly DateTimeOffset To = D(2026, 4, 1);
    public static readonly DateTimeOffset Past = D(2026, 2, 15);

    public static readonly DepartmentId Finance = new("finance");
    public static readonly DepartmentId Nursing = new("nursing");

    public static AnalysisQuery Quarter => new() { From = From, To = To, AsOf = To, Pack = "hospital", Interval = TrendInterval.Month };

    public static DateTimeOffset D(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public static IReadOnlyList<CorrectiveAction> Actions() =>
    [
        Make(1, CorrectiveActionState.Open, D(2025, 12, 10), due: D(2026, 1, 20), Finance),
        Make(2, CorrectiveActionState.Open, From, due: To, Finance, proposedDue: D(2026, 1, 29), approvedAt: D(2026, 2, 20)),
        Make(3, CorrectiveActionState.AwaitingApproval, To, due: D(2026, 4, 15), Nursing, awaitsApproval: true),
        Make(4, CorrectiveActionState.Completed, D(2026, 1, 10), due: D(2026, 1, 24), Nursing, completed: D(2026, 2, 1), verifyDue: D(2026, 3, 1)),
        Make(5, CorrectiveActionState.Verified, D(2026, 1, 12), due: D(2026, 1, 26), Finance, completed: D(2026, 1, 20), verifyDue: D(2026, 5, 1), verified: (true, D(2026, 3, 10))),
        Make(6, CorrectiveActionState.Ineffective, D(2025, 11, 1), due: D(2025, 11, 15), null, completed: D(2025, 12, 1), verifyDue: D(2026, 2, 20), verified: (false, D(2026, 2, 10))),
        Make(7, CorrectiveActionState.Declined, D(2026, 1, 20), due: D(2026, 2, 3), Finance, awaitsApproval: true, ended: D(2026, 2, 1)),
        Make(8, CorrectiveActionState.Cancelled, D(2026, 2, 1), due: D(2026, 2, 14), Nursing, ended: D(2026, 3, 1)),
        Make(9, CorrectiveActionState.Open, D(2026, 2, 2), due: D(2026, 2, 20), Finance, pack: "dealership"),
        Make(10, CorrectiveActionState.Completed, D(2026, 3, 1), due: D(2026, 3, 31, 23, 59, 59), Nursing, proposedDue: D(2026, 3, 15), approvedAt: D(2026, 3, 2),
            completed: D(2026, 4, 1, 0, 0, 1), verifyDue: D(2026, 6, 1), category: "billing"),
        Make(11, CorrectiveActionState.Verified, D(2026, 2, 20), due: D(2026, 3, 6), Finance, completed: D(2026, 3, 1), verifyDue: D(2026, 4, 10), verified: (true, To)),
    ];

    public static CorrectiveActionId Id(int n) => new(new Guid($"00000000-0000-0000-0000-{n:D12}"));

    public static CorrectiveAction Make(
        int n,
        CorrectiveActionState state,
        DateTimeOffset created,
        DateTimeOffset due,
        DepartmentId? department,
        string pack = "hospital",
        DateTimeOffset? proposedDue = null,
        bool awaitsApproval = false,
        DateTimeOffset? approvedAt = null,
        DateTimeOffset? completed = null,
        DateTimeOffset? verifyDue = null,
        (bool Effective, DateTimeOffset At)? verified = null,
        DateTimeOffset? ended = null,
        string? category = null) => new()
    {
        Id = Id(n),
        Version = 1,
        State = state,
        Kind = CorrectiveActionKind.Corrective,
        Title = $"A{n}",
        RootCause = n % 2 == 0 ? RootCause.ProcessGap : RootCause.StaffError,
        CauseDescription = "The cause.",
        Owner = new ActorId($"owner-{n}"),
        Department = department,
        Category = category,
        Policy = new PolicyRef(pack, "1"),
        Approval = approvedAt is { } at ? new CorrectiveActionApproval("general-manager", new ActorId("gm"), at)
            : awaitsApproval ? new CorrectiveActionApproval("general-manager") : null,
        Due = new CorrectiveActionDeadline(CorrectiveActionDeadlineKind.Completion, due, null, "weekdays"),
        ProposedDueAt = proposedDue ?? due,
        DueWorkingDays = 10,
        VerifyAfterWorkingDays = 20,
        CompletedAt = completed,
        VerifyDue = verifyDue is { } v ? new CorrectiveActionDeadline(CorrectiveActionDeadlineKind.Verification, v, null, "weekdays") : null,
        Verification = verified is { } check ? new CorrectiveActionVerification(check.Effective, check.Effective ? 0 : 2, [], "Checked.", new ActorId("gm"), check.At) : null,
        CreatedBy = new ActorId("coord"),
        CreatedAt = created,
        UpdatedAt = ended ?? verified?.At ?? completed ?? approvedAt ?? created,
    };
}
