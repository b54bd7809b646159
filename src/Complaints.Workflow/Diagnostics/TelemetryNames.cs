using System.Text;
using Complaints.Commands;
using Complaints.Notifications;
using Complaints.Ports;

namespace Complaints.Workflow.Diagnostics;

/// <summary>The names of the workflow's activities, tags and outcomes (docs/operations.md lists them), and the enum values as tag values.</summary>
internal static class TelemetryNames
{
    public const string CommandActivity = "complaints.command";
    public const string SaveActivity = "complaints.store.save";
    public const string DeadlinePollActivity = "complaints.deadlines.poll";
    public const string OutboxDispatchActivity = "complaints.outbox.dispatch";
    public const string DecisionActivity = "complaints.policy.decide";

    public const string Action = "complaints.action";
    public const string Outcome = "complaints.outcome";
    public const string Pack = "complaints.pack";
    public const string PolicyVersion = "complaints.policy.version";
    public const string CaseId = "complaints.case.id";
    public const string State = "complaints.state";
    public const string Alarm = "complaints.deadline.alarm";
    public const string DeadlineKind = "complaints.deadline.kind";
    public const string NotificationKind = "complaints.notification.kind";
    public const string BatchClaimed = "complaints.batch.claimed";
    public const string BatchDone = "complaints.batch.done";
    public const string ErrorType = "error.type";
    public const string DecisionPoint = "complaints.decision_point";

    public const string Ok = "ok";
    public const string Refused = "refused";
    public const string Invalid = "invalid";
    public const string Conflict = "conflict";
    public const string NotFound = "not_found";
    public const string Cancelled = "cancelled";
    public const string Error = "error";

    public const string Recorded = "recorded";
    public const string Skipped = "skipped";
    public const string Parked = "parked";
    public const string Sent = "sent";
    public const string Failed = "failed";

    private static readonly string[] Actions = Names<ComplaintAction>();
    private static readonly string[] ActionDisplayNames = [.. Enum.GetValues<ComplaintAction>().Select(static a => "complaints " + Of(a))];
    private static readonly string[] States = Names<ComplaintState>();
    private static readonly string[] Alarms = Names<DeadlineAlarm>();
    private static readonly string[] Kinds = Names<Complaints.DeadlineKind>();
    private static readonly string[] NotificationKinds = Names<Complaints.Notifications.NotificationKind>();

    /// <summary>The outcome a command's failure counts as.</summary>
    public static string OutcomeOf(Exception failure) => failure switch
    {
        NotPermittedException or RecusalRequiredException or InvalidTransitionException => Refused,
        ComplaintValidationException => Invalid,
        ConcurrencyException => Conflict,
        ComplaintNotFoundException => NotFound,
        OperationCanceledException => Cancelled,
        _ => Error,
    };

    public static bool IsEnd(ComplaintState state) =>
        state is ComplaintState.Closed or ComplaintState.Rejected or ComplaintState.Redirected or ComplaintState.Withdrawn;

    public static string Of(ComplaintAction action) => Lookup(Actions, (int)action);

    public static string CommandDisplayName(ComplaintAction action) => (uint)action < (uint)ActionDisplayNames.Length ? ActionDisplayNames[(int)action] : CommandActivity;

    public static string Of(ComplaintState state) => Lookup(States, (int)state);

    public static string Of(DeadlineAlarm alarm) => Lookup(Alarms, (int)alarm);

    public static string Of(Complaints.DeadlineKind kind) => Lookup(Kinds, (int)kind);

    public static string Of(Complaints.Notifications.NotificationKind kind) => Lookup(NotificationKinds, (int)kind);

    private static string Lookup(string[] names, int index) =>
        (uint)index < (uint)names.Length && names[index] is { } name ? name : "other";

    /// <summary>The snake_case names of an enum's values, indexed by value (the workflow's enums count from 0 without gaps).</summary>
    private static string[] Names<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new string[values.Length];
        foreach (var value in values)
        {
            var index = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            if ((uint)index < (uint)names.Length)
            {
                names[index] = SnakeCase(value.ToString());
            }
        }

        return names;
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
