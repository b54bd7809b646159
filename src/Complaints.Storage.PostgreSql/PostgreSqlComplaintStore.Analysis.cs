using System.Collections.Frozen;
using Complaints.Analysis;
using Complaints.Policy;
using Complaints.Storage.PostgreSql.Internal;
using Npgsql;

namespace Complaints.Storage.PostgreSql;

/// <summary>
/// The period analysis, computed in the database: one batch of aggregate statements over the case table's analysis
/// columns (an index range on the receipt time), the open cases' deadlines not met and the accountability entries of
/// the journal; recurrences are counts of the gaps each save keeps on the row, and the met and dropped deadlines are the
/// row's kept counts. Counts, sums and nearest-rank percentiles come back, and the figures are summed, ordered and
/// divided here, as the model says.
/// </summary>
public sealed partial class PostgreSqlComplaintStore : IComplaintAnalytics
{
    private const int Total = (1 << 10) - 1;

    /// <inheritdoc />
    public async Task<PeriodAnalysis> AnalyseAsync(AnalysisQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var s = PostgreSqlSchema.Quote(Schema);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);

        // One snapshot for every statement, so the figures agree with each other while cases are being saved.
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        // Room to hash every grouping set and sort the look-backs in memory, for this transaction only.
        var settings = new NpgsqlCommand("SET LOCAL work_mem = '64MB'", connection, transaction);
        await using (settings.ConfigureAwait(false))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var batch = new NpgsqlBatch(connection, transaction);
        await using var batchScope = batch.ConfigureAwait(false);
        Add(batch, query, where => AnalysisSql.Totals(s, where));
        Add(batch, query, where => AnalysisSql.Counts(s, where));
        Add(batch, query, where => AnalysisSql.Durations(s, where));
        Add(batch, query, where => AnalysisSql.OpenDeadlines(s, where));
        Add(batch, query, where => AnalysisSql.Sanctions(s, where));

        var figures = new Figures(query);
        var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            await figures.ReadTotalsAsync(reader, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await figures.ReadCountsAsync(reader, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await figures.ReadDurationsAsync(reader, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await figures.ReadOpenDeadlinesAsync(reader, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await figures.ReadSanctionsAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return figures.Build();
    }

    private static void Add(NpgsqlBatch batch, AnalysisQuery query, Func<string, string> statement)
    {
        var command = new NpgsqlBatchCommand();
        command.CommandText = statement(AnalysisSql.Where(query, command.Parameters));
        batch.BatchCommands.Add(command);
    }

    /// <summary>The figures as the statements' rows arrive, then put in the model's order.</summary>
    private sealed class Figures(AnalysisQuery query)
    {
        private readonly Dictionary<string, int> _byState = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _byCategory = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _bySeverity = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _byChannel = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _byFinding = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Received, int Open, int Closed)> _departments = new(StringComparer.Ordinal);
        private readonly Dictionary<RootCause, int> _causes = [];
        private readonly Dictionary<RemedyKind, (int Count, List<Money> Totals)> _remedies = [];
        private readonly int[] _satisfaction = new int[Enum.GetValues<Satisfaction>().Length];
        private readonly Dictionary<long, int> _days = [];
        private readonly DeadlineFigures[] _deadlines = [.. Enum.GetValues<DeadlineKind>().Select(k => new DeadlineFigures(k, 0, 0, 0, 0, 0))];
        private readonly Dictionary<string, (int OnTime, int Due)> _departmentDeadlines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _overdue = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TimeSpan?> _departmentResolve = new(StringComparer.Ordinal);
        private readonly Dictionary<SanctionKind, (int Count, List<Money> Totals)> _sanctions = [];
        private (int Received, int Open, int Closed) _noDepartment;
        private (int OnTime, int Due) _noDepartmentDeadlines;
        private int _noDepartmentOverdue;
        private TimeSpan? _noDepartmentResolve;
        private int? _noCategory, _noDepartmentCount, _noSeverity, _noFinding;
        private int _received, _open, _closed, _escalated, _decided, _eligible;
        private DurationFigures _acknowledge = new(0, null, null);
        private DurationFigures _resolve = new(0, null, null);

        public RecurrenceFigures Recurrence { get; set; } = new(query.RecurrenceDays, 0, 0, 0);

        public async Task ReadTotalsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
        {
            var kinds = AnalysisSql.DeadlineKinds;
            var kept = new long[kinds * 3];
            var recurrence = new int[3];
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                int Int(int column) => checked((int)reader.GetInt64(column));
                var department = reader.IsDBNull(0) ? null : reader.GetString(0);
                var count = Int(2);
                int onTime = 0, late = 0;
                if (!reader.IsDBNull(1))
                {
                    var row = reader.GetFieldValue<int[]>(1);
                    for (var i = 0; i < Math.Min(row.Length, kept.Length); i++)
                    {
                        kept[i] += (long)row[i] * count;
                        onTime += i % 3 == 0 ? row[i] * count : 0;
                        late += i % 3 == 1 ? row[i] * count : 0;
                    }
                }

                var (received, open, closed) = department is null ? _noDepartment : _departments.GetValueOrDefault(department);
                var cases = (received + count, open + Int(3), closed + Int(4));
                var (onTimeSoFar, dueSoFar) = department is null ? _noDepartmentDeadlines : _departmentDeadlines.GetValueOrDefault(department);
                var deadlines = (onTimeSoFar + onTime, dueSoFar + onTime + late);
                if (department is null)
                {
                    _noDepartment = cases;
                    _noDepartmentCount = cases.Item1;
                    _noDepartmentDeadlines = deadlines;
                }
                else
                {
                    _departments[department] = cases;
                    _departmentDeadlines[department] = deadlines;
                }

                _received += count;
                _open += Int(3);
                _closed += Int(4);
                _escalated += Int(5);
                _decided += Int(6);
                _eligible += Int(7);
                for (var k = 0; k < recurrence.Length; k++)
                {
                    recurrence[k] += Int(8 + k);
                }
            }

            Recurrence = new RecurrenceFigures(query.RecurrenceDays, recurrence[0], recurrence[1], recurrence[2]);
            foreach (var kind in Enum.GetValues<DeadlineKind>())
            {
                var at = 3 * (int)kind;
                _deadlines[(int)kind] = new DeadlineFigures(kind, checked((int)kept[at]), checked((int)kept[at + 1]), 0, 0, checked((int)kept[at + 2]));
            }
        }

        public async Task ReadCountsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
        {
            const int CountColumn = 11;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var grouping = reader.GetInt32(0);
                var count = checked((int)reader.GetInt64(CountColumn));
                string? Key(int column) => reader.IsDBNull(column + 1) ? null : reader.GetString(column + 1);
                switch (Total - grouping)
                {
                    case var set when set == Bit(0):
                        _byState[Names<ComplaintState>.Parse(Key(0)).ToString()] = count;
                        break;
                    case var set when set == Bit(1):
                        Count(_byCategory, ref _noCategory, Key(1), count);
                        break;
                    case var set when set == Bit(2):
                        int? noSeverity = null;
                        Count(_bySeverity, ref noSeverity, Key(2) is { } severity ? Names<Severity>.Parse(severity).ToString() : null, count);
                        _noSeverity ??= noSeverity;
                        break;
                    case var set when set == Bit(3):
                        _byChannel[Names<Channel>.Parse(Key(3)).ToString()] = count;
                        break;
                    case var set when set == Bit(4):
                        int? noFinding = null;
                        Count(_byFinding, ref noFinding, Key(4) is { } finding ? Names<FindingOutcome>.Parse(finding).ToString() : null, count);
                        _noFinding ??= noFinding;
                        break;
                    case var set when set == Bit(5):
                        if (Key(5) is { } cause)
                        {
                            _causes[Names<RootCause>.Parse(cause)] = count;
                        }

                        break;
                    case var set when set == (Bit(6) | Bit(7)):
                        if (Key(6) is { } kind)
                        {
                            var remedy = Names<RemedyKind>.Parse(kind);
                            var (sum, totals) = _remedies.TryGetValue(remedy, out var seen) ? seen : (0, new List<Money>());
                            if (Key(7) is { } currency && !reader.IsDBNull(CountColumn + 1))
                            {
                                totals.Add(new Money(reader.GetDecimal(CountColumn + 1), currency));
                            }

                            _remedies[remedy] = (sum + count, totals);
                        }

                        break;
                    case var set when set == Bit(8):
                        if (Key(8) is { } level)
                        {
                            _satisfaction[(int)Names<Satisfaction>.Parse(level)] = count;
                        }

                        break;
                    case var set when set == Bit(9):
                        _days[reader.GetInt64(10)] = count;
                        break;
                    default:
                        throw new InvalidOperationException($"The analysis read a grouping set it did not ask for ({grouping}).");
                }
            }
        }

        public async Task ReadDurationsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.GetInt32(0) == 1)
                {
                    _acknowledge = Distribution(reader, 2);
                    _resolve = Distribution(reader, 5);
                }
                else if (reader.IsDBNull(1))
                {
                    _noDepartmentResolve = Distribution(reader, 5).Median;
                }
                else
                {
                    _departmentResolve[reader.GetString(1)] = Distribution(reader, 5).Median;
                }
            }
        }

        public async Task ReadOpenDeadlinesAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
        {
            var kinds = Enum.GetValues<DeadlineKind>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                int Int(int column) => reader.IsDBNull(column) ? 0 : checked((int)reader.GetInt64(column));
                var missed = 0;
                foreach (var kind in kinds)
                {
                    var at = 1 + (2 * (int)kind);
                    missed += Int(at);
                    _deadlines[(int)kind] = _deadlines[(int)kind] with
                    {
                        Missed = _deadlines[(int)kind].Missed + Int(at),
                        Pending = _deadlines[(int)kind].Pending + Int(at + 1),
                    };
                }

                var overdue = Int(1 + (2 * kinds.Length));
                if (reader.IsDBNull(0))
                {
                    _noDepartmentDeadlines.Due += missed;
                    _noDepartmentOverdue = overdue;
                }
                else
                {
                    var department = reader.GetString(0);
                    var (onTime, due) = _departmentDeadlines.GetValueOrDefault(department);
                    _departmentDeadlines[department] = (onTime, due + missed);
                    _overdue[department] = overdue;
                }
            }
        }

        public async Task ReadSanctionsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var kind = Names<SanctionKind>.Parse(reader.GetString(0));
                var (sum, totals) = _sanctions.TryGetValue(kind, out var seen) ? seen : (0, new List<Money>());
                if (!reader.IsDBNull(1) && !reader.IsDBNull(3))
                {
                    totals.Add(new Money(reader.GetDecimal(3), reader.GetString(1)));
                }

                _sanctions[kind] = (sum + checked((int)reader.GetInt64(2)), totals);
            }
        }

        public PeriodAnalysis Build()
        {
            var withFindings = _causes.Values.Sum();
            var running = 0;
            var pareto = new List<ParetoRow>();
            foreach (var (cause, count) in _causes.OrderByDescending(c => c.Value).ThenBy(c => c.Key.ToString(), StringComparer.Ordinal))
            {
                running += count;
                pareto.Add(new ParetoRow(cause, count, (double)count / withFindings, (double)running / withFindings));
            }

            var departments = _departments
                .Select(d => Department(new DepartmentId(d.Key), d.Value, _departmentDeadlines.GetValueOrDefault(d.Key), _overdue.GetValueOrDefault(d.Key), _departmentResolve.GetValueOrDefault(d.Key)))
                .OrderByDescending(d => d.Received)
                .ThenBy(d => d.Department!.Value.Value, StringComparer.Ordinal)
                .ToList();
            if (_noDepartment.Received > 0)
            {
                departments.Add(Department(null, _noDepartment, _noDepartmentDeadlines, _noDepartmentOverdue, _noDepartmentResolve));
            }

            return new PeriodAnalysis
            {
                Query = query,
                Received = _received,
                Open = _open,
                Closed = _closed,
                Trend = Trend(),
                ByState = Rows(_byState, null),
                ByCategory = Rows(_byCategory, _noCategory),
                ByDepartment = Rows(_departments.ToDictionary(d => d.Key, d => d.Value.Received, StringComparer.Ordinal), _noDepartmentCount),
                BySeverity = Rows(_bySeverity, _noSeverity),
                ByChannel = Rows(_byChannel, null),
                ByFinding = Rows(_byFinding, _noFinding),
                RootCauses = pareto,
                Recurrence = Recurrence,
                Deadlines = _deadlines,
                TimeToAcknowledge = _acknowledge,
                TimeToResolve = _resolve,
                Escalated = _escalated,
                Remedies = [.. _remedies.OrderBy(r => r.Key).Select(r => new RemedyFigures(r.Key, r.Value.Count, Totals(r.Value.Totals)))],
                Satisfaction = new SatisfactionFigures(
                    _satisfaction.Sum(),
                    [.. Enum.GetValues<Satisfaction>().Select(level => new SatisfactionCount(level, _satisfaction[(int)level]))]),
                Rewards = new RewardFigures(_decided, _eligible),
                Sanctions = [.. _sanctions.OrderBy(r => r.Key).Select(r => new SanctionFigures(r.Key, r.Value.Count, Totals(r.Value.Totals)))],
                Departments = departments,
            };
        }

        private static int Bit(int column) => 1 << (AnalysisSql.CountGroups.Length - 1 - column);

        private static void Count(Dictionary<string, int> counts, ref int? none, string? key, int count)
        {
            if (key is null)
            {
                none = count;
            }
            else
            {
                counts[key] = count;
            }
        }

        private static DurationFigures Distribution(NpgsqlDataReader reader, int column)
        {
            var count = checked((int)reader.GetInt64(column));
            return count == 0
                ? new DurationFigures(0, null, null)
                : new DurationFigures(count, TimeSpan.FromTicks(reader.GetInt64(column + 1)), TimeSpan.FromTicks(reader.GetInt64(column + 2)));
        }

        private static DepartmentFigures Department(DepartmentId? department, (int Received, int Open, int Closed) cases, (int OnTime, int Due) deadlines, int overdue, TimeSpan? resolve) =>
            new(department, cases.Received, cases.Open, cases.Closed, overdue, deadlines.Due > 0 ? (double)deadlines.OnTime / deadlines.Due : null, resolve);

        private static List<Money> Totals(List<Money> totals) => [.. totals.OrderBy(m => m.Currency, StringComparer.Ordinal)];

        private static List<CountRow> Rows(Dictionary<string, int> counts, int? none)
        {
            var rows = counts.Where(c => c.Value > 0)
                .OrderByDescending(c => c.Value)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new CountRow(c.Key, c.Value))
                .ToList();
            if (none is > 0)
            {
                rows.Add(new CountRow(null, none.Value));
            }

            return rows;
        }

        private List<TrendPoint> Trend()
        {
            var counts = new Dictionary<DateTimeOffset, int>();
            foreach (var (day, count) in _days)
            {
                var start = query.BucketStart(new DateTimeOffset(day * TimeSpan.TicksPerDay - query.Offset.Ticks, TimeSpan.Zero));
                counts[start] = counts.GetValueOrDefault(start) + count;
            }

            return [.. query.BucketStarts().Select(start => new TrendPoint(start, counts.GetValueOrDefault(start)))];
        }
    }

    /// <summary>An enum's values by their stored names (kebab-case, as in the JSON).</summary>
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(CaseColumns.Of, v => v, StringComparer.Ordinal);

        /// <summary>The value named; a missing or unknown name (a row this release cannot read) is an error naming it.</summary>
        public static TEnum Parse(string? stored) =>
            stored is not null && ByName.TryGetValue(stored, out var value)
                ? value
                : throw new InvalidDataException(
                    $"The PostgreSQL store holds a case whose {typeof(TEnum).Name} this release cannot read ('{stored ?? "none"}'): find it with FindUnreadableCasesAsync.");
    }
}
