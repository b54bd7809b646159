using System.Globalization;
using System.Text;

namespace Complaints.Workflow.Import;

/// <summary>
/// The built-in example mapping: exports of the US CFPB Consumer Complaint Database, in both column sets seen in the
/// wild — the current one (<c>Company</c>, <c>Submitted via</c>, <c>Company response to consumer</c> …) and the older
/// extracts (<c>Company response</c>, no company or channel).
/// </summary>
/// <remarks>
/// <para>What the mapping makes of a row:</para>
/// <list type="bullet">
/// <item><description>Received at <c>Date received</c> (midnight UTC); key <c>Complaint ID</c>; channel from <c>Submitted via</c> (<see cref="Channels"/>), the CFPB's web portal when the export has no such column.</description></item>
/// <item><description>Category from <c>Product</c> (<see cref="Category"/>: the old and new product names meet in one category); department the <c>Company</c>, when the export names it.</description></item>
/// <item><description>State and outcome from the company's response: any <c>Closed …</c> response closes the case with the response as its outcome (relief: substantiated, with the remedy's kind and no amount — the data has none); <c>In progress</c> and <c>Untimely response</c> leave it under investigation. A response the mapping does not know rejects the row.</description></item>
/// <item><description>One <see cref="DeadlineKind.Resolve"/> deadline: the CFPB's 15 calendar days from <c>Date sent to company</c> (due at the end of the 15th day). <c>Timely response?</c> Yes: met (at the due time — the export has no response date, so it is an upper bound); No: breached at the due time.</description></item>
/// <item><description><c>Consumer disputed?</c> Yes: a follow-up with <see cref="Satisfaction.Dissatisfied"/>; No: <see cref="Satisfaction.Neutral"/> (the consumer let the response stand); empty or N/A: none. The close date is not in the data, so <see cref="Complaint.ClosedAt"/> stays empty.</description></item>
/// </list>
/// <para>The exports carry no complainant identity: the cases are anonymous, located by <c>State</c>.</para>
/// </remarks>
public static class CfpbImport
{
    /// <summary>The source name the mapping gives (part of each case's id).</summary>
    public const string Source = "cfpb";

    /// <summary>The deadline rule the Resolve deadline names.</summary>
    public const string ResolveRule = "cfpb-company-responds-within-15-calendar-days";

    /// <summary>The calendar the deadline names: calendar days, UTC.</summary>
    public const string Calendar = "utc";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "MM/dd/yyyy", "M/d/yy"];
    private static readonly string[] Response = ["Company response to consumer", "Company response"];
    private static readonly ActorId Cfpb = new("cfpb");

    /// <summary>The policy the cases are filed under unless the host says otherwise (<c>mapping with { Policy = … }</c>).</summary>
    public static PolicyRef Policy { get; } = new("cfpb", "15-calendar-days");

    /// <summary>The CFPB's <c>Submitted via</c> values and our channels: a referral from another agency, postal mail and fax arrive as letters.</summary>
    public static IReadOnlyDictionary<string, Channel> Channels { get; } = new Dictionary<string, Channel>(StringComparer.OrdinalIgnoreCase)
    {
        ["Web"] = Channel.OnlineForm,
        ["Web Referral"] = Channel.OnlineForm,
        ["Phone"] = Channel.Phone,
        ["Email"] = Channel.Email,
        ["Postal mail"] = Channel.Letter,
        ["Fax"] = Channel.Letter,
        ["Referral"] = Channel.Letter,
    };

    /// <summary>The company responses the mapping knows, and the state each leaves the case in.</summary>
    public static IReadOnlyDictionary<string, ComplaintState> States { get; } = new Dictionary<string, ComplaintState>(StringComparer.OrdinalIgnoreCase)
    {
        ["Closed with explanation"] = ComplaintState.Closed,
        ["Closed with non-monetary relief"] = ComplaintState.Closed,
        ["Closed with monetary relief"] = ComplaintState.Closed,
        ["Closed without relief"] = ComplaintState.Closed,
        ["Closed with relief"] = ComplaintState.Closed,
        ["Closed"] = ComplaintState.Closed,
        ["In progress"] = ComplaintState.Investigating,
        ["Untimely response"] = ComplaintState.Investigating,
    };

    private static readonly Dictionary<string, string> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Credit reporting, credit repair services, or other personal consumer reports"] = "credit-reporting",
        ["Credit reporting or other personal consumer reports"] = "credit-reporting",
        ["Credit reporting"] = "credit-reporting",
        ["Credit card or prepaid card"] = "credit-card",
        ["Credit card"] = "credit-card",
        ["Prepaid card"] = "prepaid-card",
        ["Debt collection"] = "debt-collection",
        ["Checking or savings account"] = "bank-account",
        ["Bank account or service"] = "bank-account",
        ["Mortgage"] = "mortgage",
        ["Vehicle loan or lease"] = "vehicle-loan",
        ["Consumer loan"] = "consumer-loan",
        ["Money transfer, virtual currency, or money service"] = "money-transfer",
        ["Money transfers"] = "money-transfer",
        ["Virtual currency"] = "money-transfer",
        ["Payday loan, title loan, or personal loan"] = "payday-loan",
        ["Payday loan, title loan, personal loan, or advance loan"] = "payday-loan",
        ["Payday loan"] = "payday-loan",
        ["Student loan"] = "student-loan",
        ["Debt or credit management"] = "debt-management",
        ["Other financial service"] = "other-financial-service",
    };

    /// <summary>The mapping, for both column sets.</summary>
    public static ImportMapping Mapping { get; } = new()
    {
        Source = Source,
        Policy = Policy,
        Key = ImportField.Text("Complaint ID"),
        ReceivedAt = ImportField.Date("Date received", DateFormats),
        State = ImportField.Map(States, Response),
        Channel = ImportField.Map(Channels, Channel.OnlineForm, "Submitted via"),
        Subject = ImportField.Custom(Subject, "Product"),
        Description = ImportField.Custom(Description, "Product", "Issue"),
        Location = ImportField.OptionalText("State"),
        Category = ImportField.Custom<string?>(row => Category(Required(row, "Product")), "Product"),
        Department = ImportField.OptionalText("Company").Select(c => c is null ? (DepartmentId?)null : new DepartmentId(c)),
        Deadlines = ImportField.Custom(Deadlines, "Date sent to company", "Timely response?"),
        Outcome = new ImportField<string?>([Response], row => IsClosed(row) ? ResponseText(row) : null),
        Findings = new ImportField<Findings?>([Response], Findings),
        Remedy = new ImportField<RemedyProposal?>([Response], Remedy),
        FollowUps = ImportField.Custom(FollowUps),
        Importer = new Actor(new ActorId("cfpb-import"), "CFPB import", []),
        Attributes = new Dictionary<string, ImportField<string?>>
        {
            ["cfpb-complaint-id"] = ImportField.OptionalText("Complaint ID"),
            ["company"] = ImportField.OptionalText("Company"),
            ["product"] = ImportField.OptionalText("Product"),
            ["sub-product"] = ImportField.OptionalText("Sub-product"),
            ["issue"] = ImportField.OptionalText("Issue"),
            ["sub-issue"] = ImportField.OptionalText("Sub-issue"),
            ["submitted-via"] = ImportField.OptionalText("Submitted via"),
            ["date-sent-to-company"] = ImportField.OptionalText("Date sent to company"),
            ["company-response"] = ImportField.OptionalText(Response),
            ["company-public-response"] = ImportField.OptionalText("Company public response"),
            ["timely-response"] = ImportField.OptionalText("Timely response?"),
            ["consumer-disputed"] = ImportField.OptionalText("Consumer disputed?"),
            ["tags"] = ImportField.OptionalText("Tags"),
        },
    };

    /// <summary>
    /// The category of a CFPB product: the product names of the older and newer exports meet (<c>Credit reporting</c>
    /// and <c>Credit reporting or other personal consumer reports</c> are both <c>credit-reporting</c>); a product the
    /// mapping does not know gets its name in lower case with dashes.
    /// </summary>
    /// <param name="product">The <c>Product</c> value.</param>
    /// <returns>The category.</returns>
    public static string Category(string product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var name = product.Trim();
        if (Categories.TryGetValue(name, out var category))
        {
            return category;
        }

        var slug = new StringBuilder(name.Length);
        foreach (var ch in name.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch))
            {
                slug.Append(ch);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    private static string Required(ImportRow row, string column) =>
        row[column] is { Length: > 0 } value ? value : throw new ImportRowException(column, "is empty; a value is required");

    private static string Present(ImportRow row, string[] columns) => row.FirstPresent(columns) ?? columns[0];

    private static string ResponseText(ImportRow row) => row[Present(row, Response)];

    private static bool IsClosed(ImportRow row) => States.TryGetValue(ResponseText(row), out var state) && state == ComplaintState.Closed;

    private static ComplaintSubject Subject(ImportRow row)
    {
        var product = Required(row, "Product");
        var sub = row["Sub-product"];
        var what = sub.Length > 0 ? $"{product} / {sub}" : product;
        var company = row["Company"];
        return new ComplaintSubject(SubjectKind.Product, company.Length > 0 ? $"{company}: {what}" : what, Reference: $"CFPB {row["Complaint ID"]}");
    }

    private static string Description(ImportRow row)
    {
        var narrative = row["Consumer complaint narrative"];
        if (narrative.Length >= 10)
        {
            return narrative;
        }

        var product = Required(row, "Product");
        var issue = row["Issue"];
        var sub = row["Sub-issue"];
        if (issue.Length == 0)
        {
            // A few rows of the older extract name no issue (2 of 28,156 in 2015 Q1): the product says what it is about.
            var subProduct = row["Sub-product"];
            return subProduct.Length > 0 ? $"{product} / {subProduct}. The export names no issue." : $"{product}. The export names no issue.";
        }

        return sub.Length > 0 ? $"{product}. {issue}: {sub}." : $"{product}. {issue}.";
    }

    private static DateOnly Day(ImportRow row, string column)
    {
        var value = Required(row, column);
        return DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ImportRowException(column, $"{row.Describe(column)} is not a date in the format {string.Join(", ", DateFormats)}");
    }

    /// <summary>The end of the 15th calendar day after the company received the complaint.</summary>
    private static DateTimeOffset DueAt(ImportRow row)
    {
        var sent = Day(row, "Date sent to company");
        if (row["Date received"] is { Length: > 0 } && DateOnly.TryParseExact(row["Date received"], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var received) && sent < received)
        {
            throw new ImportRowException("Date sent to company", "is before 'Date received'");
        }

        return new DateTimeOffset(sent.AddDays(16).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    private static IReadOnlyList<Deadline> Deadlines(ImportRow row)
    {
        var due = DueAt(row);
        var deadline = new Deadline(DeadlineKind.Resolve, due, ResolveRule, Calendar);
        return row["Timely response?"].ToUpperInvariant() switch
        {
            "YES" => [deadline with { MetAt = due }],
            "NO" => [deadline with { BreachedAt = due }],
            "" => [deadline],
            _ => throw new ImportRowException("Timely response?", $"{row.Describe("Timely response?")} is not Yes, No or empty"),
        };
    }

    private static Findings? Findings(ImportRow row)
    {
        var response = ResponseText(row);
        var note = $"{response}; the company's findings are not in the data.";
        return response.ToUpperInvariant() switch
        {
            "CLOSED WITH MONETARY RELIEF" or "CLOSED WITH NON-MONETARY RELIEF" or "CLOSED WITH RELIEF" => new Findings(FindingOutcome.Substantiated, RootCause.Undetermined, note),
            "CLOSED WITH EXPLANATION" or "CLOSED WITHOUT RELIEF" => new Findings(FindingOutcome.NotSubstantiated, RootCause.Undetermined, note),
            _ => null,
        };
    }

    private static RemedyProposal? Remedy(ImportRow row)
    {
        var response = ResponseText(row);
        return response.ToUpperInvariant() switch
        {
            "CLOSED WITH MONETARY RELIEF" => new RemedyProposal(RemedyKind.Compensation, response),
            "CLOSED WITH NON-MONETARY RELIEF" => new RemedyProposal(RemedyKind.CorrectiveAction, response),
            "CLOSED WITH EXPLANATION" => new RemedyProposal(RemedyKind.Explanation, response),
            _ => null,
        };
    }

    private static IReadOnlyList<FollowUpContact> FollowUps(ImportRow row) => row["Consumer disputed?"].ToUpperInvariant() switch
    {
        "YES" => [new FollowUpContact(DueAt(row), Cfpb, Satisfaction.Dissatisfied, "The consumer disputed the company's response (Consumer disputed? = Yes).")],
        "NO" => [new FollowUpContact(DueAt(row), Cfpb, Satisfaction.Neutral, "The consumer did not dispute the company's response (Consumer disputed? = No).")],
        _ => [],
    };
}
