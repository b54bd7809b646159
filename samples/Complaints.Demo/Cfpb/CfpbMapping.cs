namespace Complaints.Demo.Cfpb;

/// <summary>How the company answered, from "Company response to consumer".</summary>
internal enum CfpbResponse
{
    ClosedWithExplanation,
    ClosedWithNonMonetaryRelief,
    ClosedWithMonetaryRelief,
    ClosedWithoutRelief,

    /// <summary>"Closed", and any other "Closed …" value.</summary>
    Closed,

    /// <summary>The company answered but said its answer is not final: the case stays open.</summary>
    InProgress,

    /// <summary>"Untimely response" or anything else: no final answer on record; the case stays open.</summary>
    Other,
}

/// <summary>Maps a CFPB row onto the complaint model.</summary>
internal static class CfpbMapping
{
    /// <summary>The CFPB's channels: a referral from another agency and postal mail arrive as letters.</summary>
    /// <remarks>The packages' history import maps them (<see cref="Workflow.Import.CfpbImport.Channels"/>); the workflow import uses the same map.</remarks>
    public static Channel Channel(string submittedVia) =>
        Workflow.Import.CfpbImport.Channels.TryGetValue(submittedVia.Trim(), out var channel) ? channel : Complaints.Channel.OnlineForm;

    public static CfpbResponse Response(string companyResponse)
    {
        var value = companyResponse.Trim();
        return value.ToUpperInvariant() switch
        {
            "CLOSED WITH EXPLANATION" => CfpbResponse.ClosedWithExplanation,
            "CLOSED WITH NON-MONETARY RELIEF" => CfpbResponse.ClosedWithNonMonetaryRelief,
            "CLOSED WITH MONETARY RELIEF" => CfpbResponse.ClosedWithMonetaryRelief,
            "CLOSED WITHOUT RELIEF" => CfpbResponse.ClosedWithoutRelief,
            "IN PROGRESS" => CfpbResponse.InProgress,
            _ when value.StartsWith("Closed", StringComparison.OrdinalIgnoreCase) => CfpbResponse.Closed,
            _ => CfpbResponse.Other,
        };
    }

    /// <summary>Whether the company's answer closes the case in the model.</summary>
    public static bool IsClosed(CfpbResponse response) => response is not (CfpbResponse.InProgress or CfpbResponse.Other);

    /// <summary>The remedy the company's answer stands for; relief amounts are not in the data, so none is given.</summary>
    public static RemedyKind Remedy(CfpbResponse response) => response switch
    {
        CfpbResponse.ClosedWithMonetaryRelief => RemedyKind.Compensation,
        CfpbResponse.ClosedWithNonMonetaryRelief => RemedyKind.CorrectiveAction,
        _ => RemedyKind.Explanation,
    };

    /// <summary>The generic pack's category for the CFPB's issue (routing follows it): fees → billing, debt collection conduct → conduct, terms → contract.</summary>
    public static string Category(string issue, string subIssue)
    {
        var text = $"{issue} {subIssue}";
        bool Has(params string[] words) => words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        if (Has("fee", "charg", "billing", "payment", "purchase shown on your statement", "interest"))
        {
            return "billing";
        }

        if (Has("debt not owed", "threatened", "false statements", "communication tactics", "fraud", "scam"))
        {
            return "conduct";
        }

        return Has("terms", "contract", "loan modification", "closing") ? "contract-dispute" : "general";
    }

    public static ComplaintIntake Intake(CfpbComplaint row)
    {
        var issue = row.SubIssue.Length > 0 ? $"{row.Issue}: {row.SubIssue}" : row.Issue;
        var product = row.SubProduct.Length > 0 ? $"{row.Product} / {row.SubProduct}" : row.Product;
        var attributes = new Dictionary<string, string>
        {
            ["cfpb-complaint-id"] = row.Id,
            ["company"] = row.Company,
            ["submitted-via"] = row.SubmittedVia,
            ["date-received"] = row.Received.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["date-sent-to-company"] = row.SentToCompany.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["company-response"] = row.CompanyResponse,
            ["timely-response"] = row.TimelyResponse,
            ["issue"] = issue,
        };
        if (row.Tags.Length > 0)
        {
            attributes["tags"] = row.Tags;
        }

        // The export has no names: the consumer is anonymous to us, reachable through the CFPB.
        var where = string.Join(" ", new[] { row.State, row.Zip }.Where(s => s.Length > 0));
        return new ComplaintIntake(
            ComplaintKind.Complaint,
            Channel(row.SubmittedVia),
            new Complainant(null, new ContactDetails(Address: where.Length > 0 ? where : null)),
            new ComplaintSubject(SubjectKind.Product, $"{row.Company}: {product}", Reference: $"CFPB {row.Id}"),
            row.Narrative.Length >= 10 ? row.Narrative : $"{product}. {issue}.",
            Category: Category(row.Issue, row.SubIssue),
            Location: row.State.Length > 0 ? row.State : null,
            DesiredRemedy: null,
            Attributes: attributes);
    }
}
