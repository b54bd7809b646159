namespace Complaints.Workflow.Import;

/// <summary>
/// One data row of an import, read by column name. A column the file's header does not have reads as empty text, so a
/// mapping can serve several column sets of the same export.
/// </summary>
public sealed class ImportRow
{
    private readonly IReadOnlyDictionary<string, int> _header;
    private readonly IReadOnlyList<string> _fields;
    private readonly ICollection<string> _identity;

    /// <summary>Makes a row.</summary>
    /// <param name="line">The physical line the row starts on.</param>
    /// <param name="header">The column names and their positions (compared as the dictionary compares them).</param>
    /// <param name="fields">The row's fields, in header order.</param>
    /// <param name="identityColumns">The columns that hold the complainant's identity: <see cref="Describe"/> never quotes them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> or <paramref name="fields"/> is <see langword="null"/>.</exception>
    public ImportRow(long line, IReadOnlyDictionary<string, int> header, IReadOnlyList<string> fields, ICollection<string>? identityColumns = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(fields);
        Line = line;
        _header = header;
        _fields = fields;
        _identity = identityColumns ?? [];
    }

    /// <summary>
    /// The value of <paramref name="column"/> as a reason may show it: quoted (<c>'abc'</c>), or <c>the value</c> for a
    /// column that holds the complainant's identity, so that no error or report carries who complained.
    /// </summary>
    /// <param name="column">The column name.</param>
    /// <returns>The text to put in a reason.</returns>
    public string Describe(string column) => _identity.Contains(column) ? "the value" : $"'{this[column]}'";

    /// <summary>The physical line (1-based) the row starts on.</summary>
    public long Line { get; }

    /// <summary>Whether the file's header has <paramref name="column"/>.</summary>
    /// <param name="column">The column name.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    public bool Has(string column) => _header.ContainsKey(column);

    /// <summary>The text of <paramref name="column"/>, trimmed; empty when the header lacks the column.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The text.</returns>
    public string this[string column] =>
        _header.TryGetValue(column, out var i) && i < _fields.Count ? _fields[i].Trim() : "";

    /// <summary>The first of <paramref name="columns"/> the header has, or <see langword="null"/>.</summary>
    /// <param name="columns">Alternative names of one column, in order of preference.</param>
    /// <returns>The name found.</returns>
    public string? FirstPresent(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var column in columns)
        {
            if (_header.ContainsKey(column))
            {
                return column;
            }
        }

        return null;
    }
}

/// <summary>
/// A row's value could not be converted: the row is rejected with <see cref="Column"/> and <see cref="Reason"/>. A
/// custom <see cref="ImportField{T}"/> throws it; the reason must not quote a value of an identity column.
/// </summary>
public sealed class ImportRowException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="column">The column at fault.</param>
    /// <param name="reason">What is wrong and what would be right.</param>
    public ImportRowException(string column, string reason)
        : base($"'{column}': {reason}")
    {
        Column = column;
        Reason = reason;
    }

    /// <summary>The column at fault.</summary>
    public string Column { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
