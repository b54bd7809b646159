using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using Complaints.Improvement;
using Microsoft.Data.Sqlite;

namespace Complaints.Storage.Sqlite.Internal;

/// <summary>
/// The statements of the corrective-action port (tables <c>corrective_actions</c>, <c>corrective_action_journal</c>,
/// <c>corrective_action_cases</c>), the WHERE clause of its queries, and how an action's columns are spelt.
/// </summary>
internal static class ActionSql
{
    private const string Columns =
        "id, version, state, kind, root_cause, owner, department, category, next_due_at, next_alarm_at, breach_at, created_at, updated_at, json";

    /// <summary>A new action row, unless the id is taken (then nothing is written: the version check failed).</summary>
    public const string Insert =
        $"INSERT INTO corrective_actions ({Columns}) VALUES ($id, $version, $state, $kind, $root_cause, $owner, $department, $category, " +
        "$next_due_at, $next_alarm_at, $breach_at, $created_at, $updated_at, $json) ON CONFLICT (id) DO NOTHING;";

    /// <summary>The action row, only from the expected version (else nothing is written: the version check failed).</summary>
    public const string Update = """
        UPDATE corrective_actions SET version = $version, state = $state, kind = $kind, root_cause = $root_cause, owner = $owner,
            department = $department, category = $category, next_due_at = $next_due_at, next_alarm_at = $next_alarm_at,
            breach_at = $breach_at, created_at = $created_at, updated_at = $updated_at, json = $json
        WHERE id = $id AND version = $expected;
        """;

    /// <summary>The stored version by id (after a failed version check, for the exception).</summary>
    public const string ReadVersion = "SELECT version FROM corrective_actions WHERE id = $id;";

    /// <summary>The action's JSON by id.</summary>
    public const string Load = "SELECT json FROM corrective_actions WHERE id = $id;";

    /// <summary>One journal row.</summary>
    public const string InsertJournal = """
        INSERT INTO corrective_action_journal (action_id, sequence, at, actor_id, event_type, from_state, to_state, json)
        VALUES ($id, $sequence, $at, $actor_id, $event_type, $from_state, $to_state, $json);
        """;

    /// <summary>An action's journal entries, in order.</summary>
    public const string ReadJournal = "SELECT json FROM corrective_action_journal WHERE action_id = $id ORDER BY sequence;";

    /// <summary>The action's links to its cases: those it names now (<c>$cases</c>, a JSON array of ids) and no others.</summary>
    public const string LinkCases = """
        INSERT INTO corrective_action_cases (complaint_id, action_id) SELECT DISTINCT value, $id FROM json_each($cases) WHERE true
        ON CONFLICT (complaint_id, action_id) DO NOTHING;
        DELETE FROM corrective_action_cases WHERE action_id = $id AND complaint_id NOT IN (SELECT value FROM json_each($cases));
        """;

    /// <summary>A page of the actions matching <paramref name="where"/> (<see cref="Where"/>), in proposal order.</summary>
    public static string Query(string where) =>
        $"SELECT json FROM corrective_actions WHERE {where} ORDER BY created_at, id LIMIT $take OFFSET $skip;";

    /// <summary>
    /// The actions with an alarm due at <c>$now</c>, in the order of the alarms' due times: the breach time when the
    /// breach is due, else the warning time (then <c>next_alarm_at</c>, which is the warning time while the breach is not due).
    /// </summary>
    public const string DueAlarms = """
        SELECT json FROM corrective_actions
        WHERE next_alarm_at <= $now
        ORDER BY CASE WHEN breach_at <= $now THEN breach_at ELSE next_alarm_at END, id
        LIMIT $max;
        """;

    /// <summary>The query's conditions over the action columns, criterion by criterion as <see cref="CorrectiveActionQuery.Matches"/> reads.</summary>
    public static string Where(CorrectiveActionQuery query, SqliteCommand command)
    {
        var clauses = new List<string>();
        var n = 0;
        string Param(object? value)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"$p{n++}");
            command.Add(name, value);
            return name;
        }

        string In(IEnumerable<string> values) => $"({string.Join(", ", values.Select(v => Param(v)))})";

        if (query.States is { } states)
        {
            clauses.Add(states.Count == 0 ? "0" : $"state IN {In(states.Select(Spelling<CorrectiveActionState>.Of))}");
        }

        if (query.Kind is { } kind)
        {
            clauses.Add($"kind = {Param(Spelling<CorrectiveActionKind>.Of(kind))}");
        }

        if (query.Owner is { } owner)
        {
            clauses.Add($"owner = {Param(owner.Value)}");
        }

        if (query.Department is { } department)
        {
            clauses.Add($"department = {Param(department.Value)}");
        }

        if (query.Case is { } @case)
        {
            clauses.Add($"id IN (SELECT action_id FROM corrective_action_cases WHERE complaint_id = {Param(CaseColumns.Id(@case))})");
        }

        if (query.RootCauses is { } causes)
        {
            clauses.Add(causes.Count == 0 ? "0" : $"root_cause IN {In(causes.Select(Spelling<RootCause>.Of))}");
        }

        if (query.DueBefore is { } due)
        {
            // next_due_at is CorrectiveAction.NextDueAt: NULL once the action has ended.
            clauses.Add($"next_due_at < {Param(CaseColumns.Time(due))}");
        }

        if (query.CreatedFrom is { } from)
        {
            clauses.Add($"created_at >= {Param(CaseColumns.Time(from))}");
        }

        if (query.CreatedTo is { } to)
        {
            clauses.Add($"created_at < {Param(CaseColumns.Time(to))}");
        }

        return clauses.Count == 0 ? "1" : string.Join(" AND ", clauses);
    }

    /// <summary>An action id as its lowercase <c>D</c> text, whose text order is <see cref="Guid.CompareTo(Guid)"/>'s order.</summary>
    public static string Id(CorrectiveActionId id) => id.Value.ToString("D");

    /// <summary>
    /// When the running deadline's breach falls due while it is unrecorded; <see langword="null"/> if none can come. With
    /// <see cref="CorrectiveActionAlarms.NextAt"/> (the warning time when a warning is still to come, else this), it
    /// tells which alarm is due at a time: the breach from this time, before it the warning.
    /// </summary>
    public static DateTimeOffset? BreachAt(CorrectiveAction action) =>
        action.RunningDeadline is { BreachedAt: null } deadline ? deadline.DueAt : null;

    /// <summary>An event's type as its JSON discriminator names it (<c>proposed</c>, <c>deadline-warned</c> …), for the journal's event_type column.</summary>
    public static string EventType(CorrectiveActionEvent @event) =>
        EventTypes.TryGetValue(@event.GetType(), out var name) ? name : @event.GetType().Name;

    private static readonly Dictionary<Type, string> EventTypes = typeof(CorrectiveActionEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Where(a => a.TypeDiscriminator is string)
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);
}
