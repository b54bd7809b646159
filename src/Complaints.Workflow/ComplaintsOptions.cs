using Complaints.Workflow.Permissions;

namespace Complaints.Workflow;

/// <summary>Settings of the complaint workflow.</summary>
public sealed class ComplaintsOptions
{
    /// <summary>How long after closing a case may be reopened.</summary>
    /// <value>The default value is 30 days.</value>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Whether the built-in holiday calendars count plain Monday–Friday weeks beyond the years their data covers,
    /// instead of the statutory holidays known by rule (the provisional count, the default). Off by default: plain
    /// weeks ignore the Spring Festival.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool CalendarWeekdayFallback { get; set; }

    /// <summary>
    /// Whether the built-in holiday calendars fail with <see cref="Calendars.BusinessCalendarException"/> beyond the
    /// years their official data covers, instead of counting provisionally (weekends plus statutory holidays, the
    /// deadline marked <see cref="Deadline.Provisional"/>). For hosts that prefer no triage to an estimated deadline.
    /// Wins over <see cref="CalendarWeekdayFallback"/>.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool StrictCalendarHorizon { get; set; }

    /// <summary>
    /// What happens to a case whose pack version is not loaded (after an upgrade, only the newer version was loaded):
    /// refused with <see cref="PolicyVersionNotLoadedException"/>, or decided under the newest loaded version of the
    /// same pack, logged. Never under another pack.
    /// </summary>
    /// <value>The default value is <see cref="Workflow.PolicyVersionFallback.Refuse"/>.</value>
    public PolicyVersionFallback PolicyVersionFallback { get; set; }

    /// <summary>
    /// How many times a command in <see cref="RetryOnConflict"/> issued without an expected version is decided
    /// again on the fresh case when another command saved first. Each retry reloads the case and repeats every
    /// check and policy decision, so nothing stale is written.
    /// </summary>
    /// <value>The default value is 3.</value>
    public int ConflictRetries { get; set; } = 3;

    /// <summary>
    /// The actions whose retry after a conflict cannot do what the actor did not mean: adding evidence, recording
    /// a follow-up, escalating, assessing accountability, and the deadline worker's alarms (which refuse to record
    /// twice). An approval is not among them: retried on a fresh case it could approve the next step instead.
    /// </summary>
    public ISet<Commands.ComplaintAction> RetryOnConflict { get; } = new HashSet<Commands.ComplaintAction>
    {
        Commands.ComplaintAction.AddEvidence,
        Commands.ComplaintAction.RecordFollowUp,
        Commands.ComplaintAction.Escalate,
        Commands.ComplaintAction.AssessAccountability,
        Commands.ComplaintAction.RecordDeadlineWarning,
        Commands.ComplaintAction.RecordDeadlineBreach,
    };

    /// <summary>Who may take each action.</summary>
    public ComplaintPermissions Permissions { get; } = new();

    /// <summary>Who may propose, approve, complete, verify and cancel corrective and preventive actions (<see cref="Improvement.CorrectiveActionPermissions"/> states the defaults).</summary>
    public Improvement.CorrectiveActionPermissions CorrectiveActionPermissions { get; } = new();

    /// <summary>
    /// Roles that see every case. Everyone else sees the cases they received or handle, those of their
    /// department, and those waiting for an approval by a role they hold.
    /// </summary>
    /// <value>The default value is coordinator, general-manager and auditor.</value>
    public ISet<string> SeeAllRoles { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ComplaintRoles.Coordinator,
        ComplaintRoles.GeneralManager,
        ComplaintRoles.Auditor,
    };

    /// <summary>
    /// The roles that may read the access audit (<see cref="ComplaintService.GetAuditAsync"/>): who read a
    /// confidential complainant's identity, and who was refused what.
    /// </summary>
    /// <value>The default value is coordinator and auditor.</value>
    public ISet<string> AuditReaderRoles { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ComplaintRoles.Coordinator,
        ComplaintRoles.Auditor,
    };

    /// <summary>
    /// The texts of the notifications the workflow writes, per culture (<see cref="Notifications.NoticeTemplates"/>):
    /// English and Simplified Chinese unless replaced with <c>AddComplaints().UseNoticeTemplates(…)</c>.
    /// </summary>
    public Notifications.NoticeTemplates NoticeTemplates { get; set; } = Notifications.NoticeTemplates.Default;
}
