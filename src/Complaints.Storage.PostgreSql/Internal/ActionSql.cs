using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using Complaints.Improvement;
using Npgsql;
using NpgsqlTypes;
using static Complaints.Storage.PostgreSql.Internal.Parameters;

namespace Complaints.Storage.PostgreSql.Internal;

/// <summary>
/// The statements of the corrective-action port in one store's schema (tables <c>corrective_actions</c>,
/// <c>corrective_action_journal</c>, <c>corrective_action_cases</c>), built once per store, and the WHERE clause of its queries.
/// </summary>
/// <param name="s">The quoted schema name.</param>
internal sealed class ActionSql(string s)
{
    private readonly string _schema = s;

    private const string Columns =
        "id, version, state, kind, root_cause, owner_id, department, category, next_due_at, next_due_ticks, next_alarm_ticks, breach_ticks, " +
        "created_at, created_ticks, updated_at, document";

    /// <summary>The action document by id.</summary>
    public string Load { get; } = $"SELECT document FROM {s}.corrective_actions WHERE id = @id";

    /// <summary>The stored version by id.</summary>
    public string ReadVersion { get; } = $"SELECT version FROM {s}.corrective_actions WHERE id = @id";

    /// <summary>A new action row, unless the id is taken.</summary>
    public string Insert { get; } =
        $"INSERT INTO {s}.corrective_actions ({Columns}) VALUES (@id, @version, @state, @kind, @root_cause, @owner_id, @department, @category, " +
        "@next_due_at, @next_due_ticks, @next_alarm_ticks, @breach_ticks, @created_at, @created_ticks, @updated_at, @document) ON CONFLICT (id) DO NOTHING";

    /// <summary>The action row, only from the expected version.</summary>
    public string Update { get; } =
        $"UPDATE {s}.corrective_actions SET version = @version, state = @state, kind = @kind, root_cause = @root_cause, owner_id = @owner_id, " +
        "department = @department, category = @category, next_due_at = @next_due_at, next_due_ticks = @next_due_ticks, " +
        "next_alarm_ticks = @next_alarm_ticks, breach_ticks = @breach_ticks, created_at = @created_at, created_ticks = @created_ticks, " +
        "updated_at = @updated_at, document = @document WHERE id = @id AND version = @expected";

    /// <summary>One journal row.</summary>
    public string InsertJournal { get; } =
        $"INSERT INTO {s}.corrective_action_journal (action_id, sequence, at, actor_id, from_state, to_state, event_type, entry) " +
        "VALUES (@id, @sequence, @at, @actor, @from, @to, @event, @entry)";

    /// <summary>An action's journal entries, in order.</summary>
    public string ReadJournal { get; } = $"SELECT entry FROM {s}.corrective_action_journal WHERE action_id = @id ORDER BY sequence";

    /// <summary>The action's links to the cases it names now (<c>@cases</c>) …</summary>
    public string LinkCases { get; } =
        $"INSERT INTO {s}.corrective_action_cases (complaint_id, action_id) SELECT DISTINCT c, @id FROM unnest(@cases) AS c ON CONFLICT DO NOTHING";

    /// <summary>… and no others.</summary>
    public string UnlinkOtherCases { get; } =
        $"DELETE FROM {s}.corrective_action_cases WHERE action_id = @id AND NOT (complaint_id = ANY(@cases))";

    /// <summary>
    /// The actions with an alarm due at <c>@now</c>, in the order of the alarms' due times: the breach time when the
    /// breach is due, else the warning time (then <c>next_alarm_ticks</c>, which is the warning time while the breach is not due).
    /// </summary>
    public string DueAlarms { get; } = $"""
        SELECT document FROM {s}.corrective_actions
        WHERE next_alarm_ticks <= @now
        ORDER BY CASE WHEN breach_ticks <= @now THEN breach_ticks ELSE next_alarm_ticks END, id
        LIMIT @max
        """;

    /// <summary>A page of the actions matching <paramref name="where"/> (<see cref="Where"/>), in proposal order.</summary>
    public string Query(string where) =>
        $"SELECT document FROM {_schema}.corrective_actions WHERE {where} ORDER BY created_ticks, id LIMIT @take OFFSET @skip";

    /// <summary>The query's conditions over the action columns, criterion by criterion as <see cref="CorrectiveActionQuery.Matches"/> reads.</summary>
    public string Where(CorrectiveActionQuery query, NpgsqlParameterCollection parameters)
    {
        var sql = new StringBuilder("TRUE");
        if (query.States is { } states)
        {
            sql.Append(" AND state = ANY(@states)");
            parameters.Add(Parameter("states", NpgsqlDbType.Array | NpgsqlDbType.Text, states.Select(CaseColumns.Of).ToArray()));
        }

        if (query.Kind is { } kind)
        {
            sql.Append(" AND kind = @kind");
            parameters.Add(Parameter("kind", NpgsqlDbType.Text, CaseColumns.Of(kind)));
        }

        if (query.Owner is { } owner)
        {
            sql.Append(" AND owner_id = @owner");
            parameters.Add(Parameter("owner", NpgsqlDbType.Text, owner.Value));
        }

        if (query.Department is { } department)
        {
            sql.Append(" AND department = @department");
            parameters.Add(Parameter("department", NpgsqlDbType.Text, department.Value));
        }

        if (query.Case is { } @case)
        {
            sql.Append(" AND id IN (SELECT action_id FROM ").Append(_schema).Append(".corrective_action_cases WHERE complaint_id = @case)");
            parameters.Add(Parameter("case", NpgsqlDbType.Uuid, @case.Value));
        }

        if (query.RootCauses is { } causes)
        {
            sql.Append(" AND root_cause = ANY(@root_causes)");
            parameters.Add(Parameter("root_causes", NpgsqlDbType.Array | NpgsqlDbType.Text, causes.Select(CaseColumns.Of).ToArray()));
        }

        if (query.DueBefore is { } due)
        {
            // next_due_ticks is CorrectiveAction.NextDueAt: NULL once the action has ended.
            sql.Append(" AND next_due_ticks < @due_before");
            parameters.Add(Parameter("due_before", NpgsqlDbType.Bigint, CaseColumns.Ticks(due)));
        }

        if (query.CreatedFrom is { } from)
        {
            sql.Append(" AND created_ticks >= @created_from");
            parameters.Add(Parameter("created_from", NpgsqlDbType.Bigint, CaseColumns.Ticks(from)));
        }

        if (query.CreatedTo is { } to)
        {
            sql.Append(" AND created_ticks < @created_to");
            parameters.Add(Parameter("created_to", NpgsqlDbType.Bigint, CaseColumns.Ticks(to)));
        }

        return sql.ToString();
    }

    /// <summary>
    /// When the running deadline's breach falls due while it is unrecorded; <see langword="null"/> if none can come. With
    /// <see cref="CorrectiveActionAlarms.NextAt"/> (the warning time when a warning is still to come, else this), it
    /// tells which alarm is due at a time: the breach from this time, before it the warning.
    /// </summary>
    public static DateTimeOffset? BreachAt(CorrectiveAction action) =>
        action.RunningDeadline is { BreachedAt: null } deadline ? deadline.DueAt : null;

    /// <summary>An event's type as its JSON discriminator names it (<c>proposed</c>, <c>deadline-warned</c> …), for the journal's <c>event_type</c> column.</summary>
    public static string EventType(CorrectiveActionEvent @event) =>
        EventTypes.TryGetValue(@event.GetType(), out var name) ? name : @event.GetType().Name;

    private static readonly FrozenDictionary<Type, string> EventTypes = typeof(CorrectiveActionEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Where(a => a.TypeDiscriminator is string)
        .ToFrozenDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);
}
