using System.Security.Cryptography;
using System.Text;
using Complaints.Journal;
using Complaints.Ports;

namespace Complaints.Workflow.Import;

/// <summary>
/// Brings existing complaints into a store with their dates, states and outcomes, so that a host starts with its history.
/// Each data row of a CSV export becomes one case, written as it was (<see cref="ComplaintImported"/>, the case's only
/// journal entry), not decided again through the workflow's commands and today's policy.
/// </summary>
/// <remarks>
/// <para>A row that cannot be imported is rejected with its line and the column at fault (<see cref="ImportResult.RejectedRows"/>); the others are imported.</para>
/// <para>
/// Resumable: a case's id comes from the mapping's source and the row's key (<see cref="IdFor"/>), so a run after a crash
/// finds the cases already written (counted in <see cref="ImportResult.AlreadyPresent"/>) and writes only the rest, with no
/// duplicate. A store that implements <see cref="IBulkComplaintStore"/> is written a batch per transaction.
/// </para>
/// </remarks>
public sealed class ComplaintImporter
{
    // The namespace of the name-based (version 5, RFC 9562) case ids; fixed, so the same row gives the same id everywhere.
    private static readonly byte[] IdNamespace = new Guid("6f1c7c53-4a2e-4f0e-9b7e-2f3c1d0a8e41").ToByteArray(bigEndian: true);

    private readonly IComplaintStore _store;
    private readonly TimeProvider _time;
    private readonly ComplaintImportOptions _options;

    /// <summary>Makes an importer.</summary>
    /// <param name="store">Where the cases go.</param>
    /// <param name="time">The clock that stamps the import entries.</param>
    /// <param name="options">Batch size and how many rejects to list; the defaults if <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="time"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The batch size is below 1 or the number of rejects kept is negative.</exception>
    public ComplaintImporter(IComplaintStore store, TimeProvider time, ComplaintImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        options ??= new ComplaintImportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, "options.BatchSize");
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRejectedRowsKept, "options.MaxRejectedRowsKept");
        _store = store;
        _time = time;
        _options = options;
    }

    /// <summary>The id the import gives the case of <paramref name="sourceKey"/> in <paramref name="source"/>: a name-based UUID, the same on every run.</summary>
    /// <param name="source">The source (<see cref="ImportMapping.Source"/>).</param>
    /// <param name="sourceKey">The row's key.</param>
    /// <returns>The id.</returns>
    public static ComplaintId IdFor(string source, string sourceKey)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourceKey);
        return new ComplaintId(NameBased(Name(source, sourceKey)));
    }

    /// <summary>Imports the CSV file at <paramref name="path"/> (UTF-8 unless a byte-order mark says otherwise).</summary>
    /// <param name="path">The file.</param>
    /// <param name="mapping">How its rows become cases.</param>
    /// <param name="progress">Told the result so far after each batch; none if <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the import between batches; what was written stays, and a new run resumes.</param>
    /// <returns>The counts and the rejected rows.</returns>
    /// <exception cref="ComplaintValidationException">The file is empty, or its header lacks a column the mapping needs (all such are named).</exception>
    public async Task<ImportResult> ImportFileAsync(string path, ImportMapping mapping, IProgress<ImportResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return await ImportAsync(reader, mapping, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports the CSV text of <paramref name="csv"/>: a header row, then one case per row.</summary>
    /// <param name="csv">The text.</param>
    /// <param name="mapping">How its rows become cases.</param>
    /// <param name="progress">Told the result so far after each batch; none if <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the import between batches; what was written stays, and a new run resumes.</param>
    /// <returns>The counts and the rejected rows.</returns>
    /// <exception cref="ComplaintValidationException">The text is empty, or its header lacks a column the mapping needs (all such are named).</exception>
    public async Task<ImportResult> ImportAsync(TextReader csv, ImportMapping mapping, IProgress<ImportResult>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(mapping);
        var run = new Run(this, mapping, progress);
        using var records = CsvReader.Read(csv).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new ComplaintValidationException([new ValidationError("Header", "The file is empty; expected a header row naming the columns.")]);
        }

        run.ReadHeader(records.Current);
        while (records.MoveNext())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (run.Add(records.Current) && run.Pending.Count >= _options.BatchSize)
            {
                await run.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await run.FlushAsync(cancellationToken).ConfigureAwait(false);
        return run.Result;
    }

    // Length-prefixed, so that no two (source, key) pairs give the same name.
    private static string Name(string source, string key) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{source.Length}:{source}:{key}");

    private static Guid NameBased(string name)
    {
        var bytes = new byte[IdNamespace.Length + Encoding.UTF8.GetByteCount(name)];
        IdNamespace.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(IdNamespace.Length));
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 names for version-5 ids: a name hash, not a security measure.
        SHA1.HashData(bytes, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>One import's state: the header, the cases waiting to be written, the counts.</summary>
    private sealed class Run(ComplaintImporter importer, ImportMapping mapping, IProgress<ImportResult>? progress)
    {
        private readonly DateTimeOffset _now = importer._time.GetUtcNow();
        private readonly Dictionary<string, long> _keys = new(StringComparer.Ordinal);
        private readonly List<RejectedRow> _rejected = [];
        private readonly HashSet<string> _identity = new(mapping.IdentityColumns, StringComparer.OrdinalIgnoreCase);
        private Dictionary<string, int> _header = [];
        private int _imported;
        private int _present;
        private int _rejectedCount;

        public List<CaseChange> Pending { get; } = [];

        private DateTimeOffset? _earliest;
        private DateTimeOffset? _latest;

        public ImportResult Result => new()
        {
            Imported = _imported,
            AlreadyPresent = _present,
            Rejected = _rejectedCount,
            RejectedRows = _rejected.ToArray(),
            EarliestReceivedAt = _earliest,
            LatestReceivedAt = _latest,
        };

        public void ReadHeader(CsvRecord record)
        {
            if (record.Error is not null)
            {
                throw new ComplaintValidationException([new ValidationError("Header", $"The header row is malformed: {record.Error}.")]);
            }

            HeaderWidth = record.Fields.Count;
            _header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < record.Fields.Count; i++)
            {
                _header.TryAdd(record.Fields[i].Trim(), i);
            }

            var missing = Needs(mapping)
                .Where(group => group.Count > 0 && !group.Any(_header.ContainsKey))
                .Select(group => string.Join(" or ", group.Select(c => $"'{c}'")))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (missing.Length > 0)
            {
                throw new ComplaintValidationException([new ValidationError(
                    "Header",
                    $"The header lacks {string.Join(", ", missing)}, which the '{mapping.Source}' mapping reads; check the file is that export, or map the columns it has.")]);
            }
        }

        /// <summary>Reads one record; returns whether it became a pending case.</summary>
        public bool Add(CsvRecord record)
        {
            if (record.Error is not null)
            {
                Reject(new RejectedRow(record.Line, null, $"the row is malformed ({record.Error})"));
                return false;
            }

            if (record.Fields.Count != HeaderWidth)
            {
                Reject(new RejectedRow(record.Line, null, $"the row has {record.Fields.Count} fields where the header has {HeaderWidth}"));
                return false;
            }

            var row = new ImportRow(record.Line, _header, record.Fields, _identity);
            try
            {
                var key = mapping.Key.Read(row);
                if (_keys.TryGetValue(key, out var first))
                {
                    var column = Column(row, mapping.Key, "key");
                    Reject(new RejectedRow(record.Line, column, $"repeats the key of line {first}; the row is not imported twice"));
                    return false;
                }

                var change = Build(row, key);
                _keys[key] = record.Line;
                Pending.Add(change);
                return true;
            }
            catch (ImportRowException e)
            {
                Reject(new RejectedRow(record.Line, e.Column, e.Reason));
                return false;
            }
        }

        private int HeaderWidth { get; set; }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (Pending.Count == 0)
            {
                return;
            }

            var batch = Pending.ToArray();
            Pending.Clear();
            if (importer._store is IBulkComplaintStore bulk && batch.Length > 1)
            {
                try
                {
                    await bulk.SaveManyAsync(batch, cancellationToken).ConfigureAwait(false);
                    _imported += batch.Length;
                    progress?.Report(Result);
                    return;
                }
                catch (ConcurrencyException)
                {
                    // Some of the batch is there already (a run before a crash wrote it): case by case below.
                }
            }

            foreach (var change in batch)
            {
                try
                {
                    await importer._store.SaveAsync(change, cancellationToken).ConfigureAwait(false);
                    _imported++;
                }
                catch (ConcurrencyException)
                {
                    _present++;
                }
            }

            progress?.Report(Result);
        }

        private CaseChange Build(ImportRow row, string key)
        {
            var receivedAt = mapping.ReceivedAt.Read(row);
            var state = mapping.State.Read(row);
            var description = mapping.Description.Read(row);
            if (string.IsNullOrWhiteSpace(description))
            {
                throw new ImportRowException(Column(row, mapping.Description, "Description"), "is empty; a description is required");
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, field) in mapping.Attributes)
            {
                if (field.Read(row) is { Length: > 0 } value)
                {
                    attributes[name] = value;
                }
            }

            var category = mapping.Category?.Read(row);
            var intake = new ComplaintIntake(
                mapping.Kind.Read(row),
                mapping.Channel.Read(row),
                mapping.Complainant.Read(row),
                mapping.Subject.Read(row),
                description,
                Category: category,
                Location: mapping.Location?.Read(row),
                Attributes: attributes.Count > 0 ? attributes : null);
            var closedAt = mapping.ClosedAt?.Read(row);
            if (closedAt < receivedAt)
            {
                throw new ImportRowException(Column(row, mapping.ClosedAt!, "ClosedAt"), "is before the complaint was received");
            }

            var history = new ImportedCase(intake, mapping.Policy, receivedAt)
            {
                Category = category,
                Severity = mapping.Severity?.Read(row),
                Department = mapping.Department?.Read(row),
                Deadlines = mapping.Deadlines?.Read(row) ?? [],
                Findings = mapping.Findings?.Read(row),
                Remedy = mapping.Remedy?.Read(row),
                FollowUps = mapping.FollowUps?.Read(row) ?? [],
                EscalationLevel = mapping.EscalationLevel?.Read(row) ?? 0,
                Outcome = mapping.Outcome?.Read(row),
                ClosedAt = closedAt,
            };
            var id = IdFor(mapping.Source, key);
            _earliest = _earliest is { } earliest && earliest <= receivedAt ? earliest : receivedAt;
            _latest = _latest is { } latest && latest >= receivedAt ? latest : receivedAt;
            var entry = new JournalEntry(id, 1, _now, mapping.Importer, state, state, new ComplaintImported(mapping.Source, key, history), NameBased("import:" + Name(mapping.Source, key)));
            return new CaseChange(ComplaintReplay.Apply(null, entry), [entry], 0);
        }

        private static string Column<T>(ImportRow row, ImportField<T> field, string name) => row.FirstPresent(field.Columns) ?? name;

        private void Reject(RejectedRow row)
        {
            _rejectedCount++;
            if (_rejected.Count < importer._options.MaxRejectedRowsKept)
            {
                _rejected.Add(row);
            }
        }

        private static IEnumerable<IReadOnlyList<string>> Needs(ImportMapping m) =>
            new[]
            {
                m.Key.Needs, m.ReceivedAt.Needs, m.State.Needs, m.Channel.Needs, m.Subject.Needs, m.Description.Needs, m.Kind.Needs,
                m.Complainant.Needs, m.Location?.Needs, m.Category?.Needs, m.Severity?.Needs, m.Department?.Needs, m.Deadlines?.Needs,
                m.Findings?.Needs, m.Remedy?.Needs, m.FollowUps?.Needs, m.EscalationLevel?.Needs, m.Outcome?.Needs, m.ClosedAt?.Needs,
            }.Concat(m.Attributes.Values.Select(a => a.Needs)).SelectMany(n => n ?? []);
    }
}
