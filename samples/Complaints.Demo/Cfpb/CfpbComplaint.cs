using System.Globalization;

namespace Complaints.Demo.Cfpb;

/// <summary>One row of the CFPB Consumer Complaint Database export (the columns the import uses).</summary>
internal sealed record CfpbComplaint
{
    public required string Id { get; init; }

    /// <summary>When the CFPB received the complaint from the consumer.</summary>
    public required DateOnly Received { get; init; }

    /// <summary>When the CFPB sent it to the company: the company's receipt, from which its 15 days run.</summary>
    public required DateOnly SentToCompany { get; init; }

    public required string Product { get; init; }

    public string SubProduct { get; init; } = "";

    public required string Issue { get; init; }

    public string SubIssue { get; init; } = "";

    public string Narrative { get; init; } = "";

    public required string Company { get; init; }

    public string State { get; init; } = "";

    public string Zip { get; init; } = "";

    public string Tags { get; init; } = "";

    /// <summary>Web, Phone, Referral, Postal mail, Fax, Email …</summary>
    public required string SubmittedVia { get; init; }

    /// <summary>Closed with explanation, Closed with non-monetary relief, Closed with monetary relief, In progress …</summary>
    public required string CompanyResponse { get; init; }

    /// <summary>The CFPB's "Timely response?": Yes, No, or empty.</summary>
    public string TimelyResponse { get; init; } = "";

    /// <summary>"Consumer disputed?": Yes, No or N/A (the CFPB stopped asking in 2017).</summary>
    public string ConsumerDisputed { get; init; } = "";

    /// <summary>Days from the consumer's complaint to the CFPB sending it on.</summary>
    public int DaysToCompany => SentToCompany.DayNumber - Received.DayNumber;

    /// <summary>The CFPB's timeliness flag: true for Yes, false for No, null when not given.</summary>
    public bool? Timely => TimelyResponse.Trim().ToUpperInvariant() switch
    {
        "YES" => true,
        "NO" => false,
        _ => null,
    };

    public bool Disputed => string.Equals(ConsumerDisputed.Trim(), "Yes", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads a CFPB export (CSV with the official header) into <see cref="CfpbComplaint"/>s.</summary>
internal static class CfpbFile
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "MM/dd/yy", "M/d/yyyy"];

    private static readonly string[] Required =
        ["Date received", "Product", "Issue", "Company", "Submitted via", "Date sent to company", "Company response to consumer", "Complaint ID"];

    /// <summary>
    /// Whether the file's header is the CFPB's current column set, which the workflow import reads, or (false) the older
    /// one (<c>Company response</c>, no <c>Company</c> or <c>Submitted via</c>), which only imports as history.
    /// A file that is neither reads as current, so that <see cref="Read(string)"/> names what it lacks.
    /// </summary>
    public static bool HasCurrentColumns(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var header = Complaints.Workflow.Import.CsvReader.Read(reader).FirstOrDefault()?.Fields.Select(f => f.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return header is null || !header.Contains("Company response") || header.Contains("Company response to consumer");
    }

    public static IReadOnlyList<CfpbComplaint> Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    /// <summary>Reads every row; a missing column, a row of the wrong width or a bad date is a <see cref="FormatException"/> naming the row.</summary>
    public static IReadOnlyList<CfpbComplaint> Read(TextReader reader)
    {
        using var records = Csv.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new FormatException("The file is empty; expected the CFPB export's header row.");
        }

        var header = records.Current.Select((name, i) => (name: name.Trim(), i)).ToDictionary(x => x.name, x => x.i, StringComparer.OrdinalIgnoreCase);
        var missing = Required.Where(r => !header.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            throw new FormatException($"Not a CFPB complaints export: the header lacks {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        }

        var width = header.Count;
        var rows = new List<CfpbComplaint>();
        while (records.MoveNext())
        {
            var fields = records.Current;
            var row = rows.Count + 1;
            if (fields.Length != width)
            {
                throw new FormatException($"Row {row}: {fields.Length} fields where the header has {width}.");
            }

            string Get(string column) => header.TryGetValue(column, out var i) ? fields[i].Trim() : "";
            rows.Add(new CfpbComplaint
            {
                Id = Get("Complaint ID"),
                Received = Date(Get("Date received"), row, "Date received"),
                SentToCompany = Date(Get("Date sent to company"), row, "Date sent to company"),
                Product = Get("Product"),
                SubProduct = Get("Sub-product"),
                Issue = Get("Issue"),
                SubIssue = Get("Sub-issue"),
                Narrative = Get("Consumer complaint narrative"),
                Company = Get("Company"),
                State = Get("State"),
                Zip = Get("ZIP code"),
                Tags = Get("Tags"),
                SubmittedVia = Get("Submitted via"),
                CompanyResponse = Get("Company response to consumer"),
                TimelyResponse = Get("Timely response?"),
                ConsumerDisputed = Get("Consumer disputed?"),
            });
        }

        return rows;
    }

    private static DateOnly Date(string value, int row, string column) =>
        DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"Row {row}: '{column}' is '{value}', not a date (YYYY-MM-DD).");
}
