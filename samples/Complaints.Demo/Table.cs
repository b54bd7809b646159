namespace Complaints.Demo;

/// <summary>Prints rows as plain-text columns; the last column is not padded.</summary>
internal static class Table
{
    public static void Print(string indent, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        Line(header);
        Line(widths.Select((w, i) => new string('-', i == widths.Length - 1 ? header[i].Length : w)).ToArray());
        foreach (var row in rows)
        {
            Line(row);
        }

        void Line(string[] cells) =>
            Console.WriteLine((indent + string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])))).TrimEnd());
    }
}
