using System.Text;

namespace Complaints.Demo.Cfpb;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and
/// doubled quotes (<c>""</c>); records end at CRLF or LF; blank lines are skipped.
/// </summary>
internal static class Csv
{
    /// <summary>Reads every record; throws <see cref="FormatException"/> naming the line of a malformed one.</summary>
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var wasQuoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch != '"')
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (fields.Count > 0 || field.Length > 0 || wasQuoted)
                {
                    fields.Add(field.ToString());
                    yield return fields.ToArray();
                }

                fields.Clear();
                field.Clear();
                wasQuoted = false;
                line++;
                recordLine = line;
            }
            else if (ch == '"' && field.Length == 0 && !wasQuoted)
            {
                inQuotes = true;
                wasQuoted = true;
            }
            else if (wasQuoted)
            {
                throw new FormatException($"Line {line}: text after the closing quote of a field; a quote inside a quoted field is written \"\".");
            }
            else if (ch == '"')
            {
                throw new FormatException($"Line {line}: a quote inside an unquoted field; quote the whole field and double the quote.");
            }
            else
            {
                field.Append(ch);
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"Line {recordLine}: a quoted field is not closed before the end of the file.");
        }

        if (fields.Count > 0 || field.Length > 0 || wasQuoted)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
