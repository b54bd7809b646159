using System.Globalization;

namespace Complaints.Workflow.Import;

/// <summary>
/// Where one field of an imported case comes from: the column (or alternative columns) the file must have, and how its
/// text converts. Made by <see cref="ImportField"/>'s factories; a value that does not convert rejects the row with the
/// column named (<see cref="ImportRowException"/>).
/// </summary>
/// <typeparam name="T">The field's type.</typeparam>
public sealed class ImportField<T>
{
    private readonly Func<ImportRow, T> _read;

    /// <summary>Makes a field.</summary>
    /// <param name="needs">The columns the header must have: each group is alternatives, one of which must be present; empty for none.</param>
    /// <param name="read">Reads the field from a row; throws <see cref="ImportRowException"/> for a value that does not convert.</param>
    /// <param name="columns">Every column the field reads, in order of preference, whether the header must have it or not; those of <paramref name="needs"/> if <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="needs"/> or <paramref name="read"/> is <see langword="null"/>.</exception>
    public ImportField(IReadOnlyList<IReadOnlyList<string>> needs, Func<ImportRow, T> read, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(read);
        Needs = needs;
        Columns = columns ?? needs.SelectMany(n => n).ToArray();
        _read = read;
    }

    /// <summary>Every column the field reads, in order of preference: a reason about the field names the first the header has.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The columns the header must have: in each group, at least one (the first present is read).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Needs { get; }

    /// <summary>Reads the field from <paramref name="row"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ImportRowException">The value does not convert; the row is rejected.</exception>
    public T Read(ImportRow row) => _read(row);

    /// <summary>This field's value converted by <paramref name="convert"/>, with the same columns.</summary>
    /// <typeparam name="TResult">The converted type.</typeparam>
    /// <param name="convert">The conversion.</param>
    /// <returns>The converted field.</returns>
    public ImportField<TResult> Select<TResult>(Func<T, TResult> convert)
    {
        ArgumentNullException.ThrowIfNull(convert);
        return new ImportField<TResult>(Needs, row => convert(_read(row)), Columns);
    }
}

/// <summary>Makes <see cref="ImportField{T}"/>s: text, dates in given formats, value maps, constants and custom reads.</summary>
public static class ImportField
{
    /// <summary>A constant: the same value for every row, from no column.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The field.</returns>
    public static ImportField<T> Constant<T>(T value) => new([], _ => value);

    /// <summary>Required text: the first of <paramref name="columns"/> the header has; an empty value rejects the row.</summary>
    /// <param name="columns">The column's names in the export's column sets, in order of preference.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentException">No column is named.</exception>
    public static ImportField<string> Text(params string[] columns)
    {
        Check(columns);
        return new([columns], row =>
        {
            var column = row.FirstPresent(columns)!;
            var value = row[column];
            return value.Length > 0 ? value : throw new ImportRowException(column, "is empty; a value is required");
        });
    }

    /// <summary>Optional text: the first of <paramref name="columns"/> the header has; <see langword="null"/> when empty or when the header has none of them.</summary>
    /// <param name="columns">The column's names in the export's column sets, in order of preference.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentException">No column is named.</exception>
    public static ImportField<string?> OptionalText(params string[] columns)
    {
        Check(columns);
        return new([], row => row.FirstPresent(columns) is { } column && row[column] is { Length: > 0 } value ? value : null, columns);
    }

    /// <summary>
    /// A required date (and time, if the format has one) in one of <paramref name="formats"/> (invariant culture), taken
    /// in <paramref name="zone"/>; a value in no format rejects the row naming the formats.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <param name="formats">The formats, e.g. <c>yyyy-MM-dd</c>, <c>M/d/yyyy</c>.</param>
    /// <param name="zone">The time zone the source's times are in; UTC if <see langword="null"/>.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentException">No format is given.</exception>
    public static ImportField<DateTimeOffset> Date(string column, IReadOnlyList<string> formats, TimeZoneInfo? zone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        var parse = Parser(column, formats, zone);
        return new([[column]], row =>
        {
            var value = row[column];
            return value.Length == 0 ? throw new ImportRowException(column, "is empty; a date is required") : parse(row, value);
        });
    }

    /// <summary>An optional date in one of <paramref name="formats"/>: <see langword="null"/> when empty or when the header lacks the column.</summary>
    /// <param name="column">The column.</param>
    /// <param name="formats">The formats.</param>
    /// <param name="zone">The time zone the source's times are in; UTC if <see langword="null"/>.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentException">No format is given.</exception>
    public static ImportField<DateTimeOffset?> OptionalDate(string column, IReadOnlyList<string> formats, TimeZoneInfo? zone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        var parse = Parser(column, formats, zone);
        return new([], row => row[column] is { Length: > 0 } value ? parse(row, value) : null, [column]);
    }

    /// <summary>
    /// A value map: the text of the first of <paramref name="columns"/> the header has, looked up in <paramref name="values"/>
    /// (case-insensitive); a value not in the map rejects the row naming the values it knows.
    /// </summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="values">The source's values and what each stands for (an empty key for an empty value).</param>
    /// <param name="columns">The column's names, in order of preference.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentException">No column is named, or the map is empty.</exception>
    public static ImportField<T> Map<T>(IReadOnlyDictionary<string, T> values, params string[] columns)
    {
        var map = Lookup(values, columns);
        var known = string.Join(", ", values.Keys.Select(k => $"'{k}'"));
        return new([columns], row =>
        {
            var column = row.FirstPresent(columns)!;
            return map.TryGetValue(row[column], out var value) ? value : throw new ImportRowException(column, $"{row.Describe(column)} is not one of the values the mapping knows ({known})");
        });
    }

    /// <summary>A value map with a fallback: as <see cref="Map{T}(IReadOnlyDictionary{string, T}, string[])"/>, but a value not in the map (or a header without the column) gives <paramref name="otherwise"/>.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="values">The source's values and what each stands for.</param>
    /// <param name="otherwise">The value for anything else.</param>
    /// <param name="columns">The column's names, in order of preference.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentException">No column is named, or the map is empty.</exception>
    public static ImportField<T> Map<T>(IReadOnlyDictionary<string, T> values, T otherwise, params string[] columns)
    {
        var map = Lookup(values, columns);
        return new([], row => row.FirstPresent(columns) is { } column && map.TryGetValue(row[column], out var value) ? value : otherwise, columns);
    }

    /// <summary>A field read by code: <paramref name="read"/> sees the whole row and throws <see cref="ImportRowException"/> naming the column at fault.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="read">Reads the value.</param>
    /// <param name="columns">The columns the header must have, each of them.</param>
    /// <returns>The field.</returns>
    public static ImportField<T> Custom<T>(Func<ImportRow, T> read, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(columns);
        return new(columns.Select(c => (IReadOnlyList<string>)[c]).ToArray(), read);
    }

    private static void Check(string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0 || columns.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one column, none blank.", nameof(columns));
        }
    }

    private static Dictionary<string, T> Lookup<T>(IReadOnlyDictionary<string, T> values, string[] columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        Check(columns);
        if (values.Count == 0)
        {
            throw new ArgumentException("The map has no values.", nameof(values));
        }

        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            map[key.Trim()] = value;
        }

        return map;
    }

    private static Func<ImportRow, string, DateTimeOffset> Parser(string column, IReadOnlyList<string> formats, TimeZoneInfo? zone)
    {
        ArgumentNullException.ThrowIfNull(formats);
        if (formats.Count == 0)
        {
            throw new ArgumentException("Give at least one date format.", nameof(formats));
        }

        var list = formats.ToArray();
        var named = string.Join(", ", list);
        zone ??= TimeZoneInfo.Utc;
        return (row, value) =>
        {
            if (!DateTime.TryParseExact(value, list, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw new ImportRowException(column, $"{row.Describe(column)} is not a date in the format {named}");
            }

            local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        };
    }
}
