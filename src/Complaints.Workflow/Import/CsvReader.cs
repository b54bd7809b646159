using System.Text;

namespace Complaints.Workflow.Import;

/// <summary>One record of a CSV file: where it starts and its fields, or why it could not be read.</summary>
/// <param name="Line">The physical line (1-based) the record starts on; a quoted field may carry it over several lines.</param>
/// <param name="Fields">The fields, unquoted; what could be read of a malformed record.</param>
/// <param name="Error">Why the record is malformed (e.g. a stray quote), or <see langword="null"/> when it was read cleanly.</param>
public sealed record CsvRecord(long Line, IReadOnlyList<string> Fields, string? Error = null);

/// <summary>
/// Reads CSV as RFC 4180 writes it: comma-separated fields; a field in double quotes may hold commas, line breaks and
/// doubled quotes (<c>""</c>); records end at CRLF, LF or CR; a byte-order mark is dropped; blank lines are skipped.
/// A malformed record (a quote inside an unquoted field, text after a closing quote, a quote left open at the end)
/// is returned with its <see cref="CsvRecord.Error"/>, and reading goes on at the next record: nothing is dropped unseen.
/// </summary>
public static class CsvReader
{
    /// <summary>Reads every record of <paramref name="reader"/>, lazily.</summary>
    /// <param name="reader">The text, e.g. a <see cref="StreamReader"/> (which also drops a UTF-8 byte-order mark).</param>
    /// <param name="separator">The field separator; a comma unless given.</param>
    /// <returns>The records in order, the header first if the file has one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="separator"/> is a quote or a line break.</exception>
    public static IEnumerable<CsvRecord> Read(TextReader reader, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (separator is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The separator cannot be a quote or a line break.", nameof(separator));
        }

        return ReadCore(reader, separator);
    }

    private static IEnumerable<CsvRecord> ReadCore(TextReader reader, char separator)
    {
        var buffer = new char[1 << 16];
        int length = 0, pos = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, recordLine = 1;
        var inQuotes = false;
        var wasQuoted = false;
        var first = true;
        string? error = null;

        // -1 at the end of the text.
        int Next()
        {
            if (pos == length)
            {
                length = reader.Read(buffer, 0, buffer.Length);
                pos = 0;
                if (length <= 0)
                {
                    length = 0;
                    return -1;
                }
            }

            return buffer[pos++];
        }

        int Peek()
        {
            if (pos == length)
            {
                length = reader.Read(buffer, 0, buffer.Length);
                pos = 0;
                if (length <= 0)
                {
                    length = 0;
                    return -1;
                }
            }

            return buffer[pos];
        }

        int c;
        while ((c = Next()) != -1)
        {
            var ch = (char)c;
            if (first)
            {
                first = false;
                if (ch == '\uFEFF')
                {
                    continue;
                }
            }

            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (Peek() == '"')
                    {
                        Next();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n' || (ch == '\r' && Peek() != '\n'))
                    {
                        line++;
                    }

                    field.Append(ch);
                }
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && Peek() == '\n')
                {
                    Next();
                }

                if (fields.Count > 0 || field.Length > 0 || wasQuoted || error is not null)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordLine, fields.ToArray(), error);
                }

                fields.Clear();
                field.Clear();
                wasQuoted = false;
                error = null;
                line++;
                recordLine = line;
            }
            else if (ch == '"' && field.Length == 0 && !wasQuoted)
            {
                inQuotes = true;
                wasQuoted = true;
            }
            else
            {
                if (error is null && wasQuoted)
                {
                    error = $"line {line}: text after the closing quote of field {fields.Count + 1}; a quote inside a quoted field is written \"\"";
                }
                else if (error is null && ch == '"')
                {
                    error = $"line {line}: a quote inside unquoted field {fields.Count + 1}; quote the whole field and double the quote";
                }

                field.Append(ch);
            }
        }

        if (inQuotes)
        {
            error ??= $"line {recordLine}: a quoted field (field {fields.Count + 1}) is not closed before the end of the file";
        }

        if (fields.Count > 0 || field.Length > 0 || wasQuoted || error is not null)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray(), error);
        }
    }
}
