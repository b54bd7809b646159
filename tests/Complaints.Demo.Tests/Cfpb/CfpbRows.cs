using Complaints.Demo.Cfpb;

namespace Complaints.Demo.Tests.Cfpb;

/// <summary>Builders for CFPB rows and files.</summary>
internal static class CfpbRows
{
    public const string Header =
        "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID";

    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "Data", "cfpb_complaints_2023_sample.csv");

    public static CfpbComplaint Row(
        string received = "2023-08-01",
        string? sent = null,
        string response = "Closed with explanation",
        string timely = "Yes",
        string via = "Web",
        string disputed = "N/A",
        string id = "1000001") => new()
        {
            Id = id,
            Received = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture),
            SentToCompany = DateOnly.Parse(sent ?? received, System.Globalization.CultureInfo.InvariantCulture),
            Product = "Credit card or prepaid card",
            SubProduct = "General-purpose credit card or charge card",
            Issue = "Problem with a purchase shown on your statement",
            SubIssue = "Credit card company isn't resolving a dispute about a purchase on your statement",
            Company = "EXAMPLE BANK, N.A.",
            State = "CA",
            Zip = "94110",
            SubmittedVia = via,
            CompanyResponse = response,
            TimelyResponse = timely,
            ConsumerDisputed = disputed,
        };
}
