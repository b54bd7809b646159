using Complaints.Ports;
using Complaints.Workflow.Import;
using Complaints.Workflow.InMemory;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Workflow.Tests.Import;

/// <summary>The built-in CFPB mapping: both column sets of the export, row by row and the two shipped files in full.</summary>
public sealed class CfpbImportTests
{
    internal const string Header2023 = "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID";
    internal const string Header2015 = ",Complaint ID,Product,Sub-product,Issue,Sub-issue,State,ZIP code,Date received,Date sent to company,Company response,Timely response?,Consumer disputed?";

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Import_2023Row_ClosedWithItsDatesChannelCategoryCompanyAndAMetDeadline()
    {
        var csv = Header2023 + "\n" + "2023-08-01,Credit card or prepaid card,General-purpose credit card or charge card,Problem with a purchase shown on your statement,Credit card company isn't resolving a dispute about a purchase on your statement,,,\"EXAMPLE BANK, N.A.\",CA,94110,,,Postal mail,2023-08-03,Closed with non-monetary relief,Yes,N/A,1000001\n";

        var (result, store) = await ImportAsync(csv);

        result.Should().BeEquivalentTo(new { Imported = 1, AlreadyPresent = 0, Rejected = 0 });
        var c = (await store.LoadAsync(ComplaintImporter.IdFor("cfpb", "1000001")))!;
        c.State.Should().Be(ComplaintState.Closed);
        c.ReceivedAt.Should().Be(new DateTimeOffset(2023, 8, 1, 0, 0, 0, TimeSpan.Zero));
        c.UpdatedAt.Should().Be(Now, "the import's own time stamps the entry");
        c.ClosedAt.Should().BeNull("the export has no date the company closed it");
        c.Policy.Should().Be(CfpbImport.Policy);
        c.Intake.Channel.Should().Be(Channel.Letter);
        c.Intake.Complainant.IsAnonymous.Should().BeTrue();
        c.Intake.Location.Should().Be("CA");
        c.Intake.Subject.Name.Should().Be("EXAMPLE BANK, N.A.: Credit card or prepaid card / General-purpose credit card or charge card");
        c.Intake.Description.Should().Be("Credit card or prepaid card. Problem with a purchase shown on your statement: Credit card company isn't resolving a dispute about a purchase on your statement.");
        c.Intake.Attributes.Should().Contain("company-response", "Closed with non-monetary relief").And.Contain("submitted-via", "Postal mail").And.Contain("date-sent-to-company", "2023-08-03");
        c.Category.Should().Be("credit-card");
        c.Department.Should().Be(new DepartmentId("EXAMPLE BANK, N.A."));
        c.Outcome.Should().Be("Closed with non-monetary relief");
        c.Remedy.Should().Be(new RemedyProposal(RemedyKind.CorrectiveAction, "Closed with non-monetary relief"));
        c.Findings!.Outcome.Should().Be(FindingOutcome.Substantiated);
        c.FollowUps.Should().BeEmpty("N/A: the CFPB no longer asks");
        var resolve = c.Deadlines.Should().ContainSingle().Which;
        resolve.Should().Match<Deadline>(d => d.Kind == DeadlineKind.Resolve && d.Rule == CfpbImport.ResolveRule && d.BreachedAt == null);
        resolve.DueAt.Should().Be(new DateTimeOffset(2023, 8, 19, 0, 0, 0, TimeSpan.Zero), "the end of the 15th calendar day after the company received it");
        resolve.MetAt.Should().Be(resolve.DueAt, "timely, and the export has no response date: met at the latest the flag allows");
    }

    [Fact]
    public async Task Import_2015Rows_OlderColumnSet_OpenOrClosedWithBreachedDeadlinesAndDisputes()
    {
        var csv = Header2015 + "\r\n"
            + "0,1291006,Debt collection,,Communication tactics,Frequent or repeated calls,TX,76119,3/19/2015,3/19/2015,In progress,No,\r\n"
            + "1,1290580,Mortgage,Conventional fixed mortgage,\"Loan servicing, payments, escrow account\",,CA,95003,1/2/2015,1/5/2015,Closed with monetary relief,Yes,Yes\r\n"
            + "2,1290581,Credit reporting,,Incorrect information on credit report,Account status,NY,10001,2/1/2015,2/1/2015,Closed,Yes,No\r\n";

        var (result, store) = await ImportAsync(csv);

        result.Should().BeEquivalentTo(new { Imported = 3, AlreadyPresent = 0, Rejected = 0 });
        var open = (await store.LoadAsync(ComplaintImporter.IdFor("cfpb", "1291006")))!;
        open.State.Should().Be(ComplaintState.Investigating);
        open.Intake.Channel.Should().Be(Channel.OnlineForm, "the older extract has no 'Submitted via'; the company gets them through the CFPB portal");
        open.Department.Should().BeNull("the older extract names no company");
        open.Category.Should().Be("debt-collection");
        open.Outcome.Should().BeNull();
        open.Findings.Should().BeNull();
        var breached = open.Deadlines.Should().ContainSingle().Which;
        breached.Should().Match<Deadline>(d => d.MetAt == null && d.BreachedAt == d.DueAt && d.DueAt == new DateTimeOffset(2015, 4, 4, 0, 0, 0, TimeSpan.Zero));
        open.NextDeadline.Should().NotBeNull("still open").And.Match<Deadline>(d => d.BreachedAt != null, "but the breach is on record: no alarm is raised for it again");

        var disputed = (await store.LoadAsync(ComplaintImporter.IdFor("cfpb", "1290580")))!;
        disputed.State.Should().Be(ComplaintState.Closed);
        disputed.ReceivedAt.Should().Be(new DateTimeOffset(2015, 1, 2, 0, 0, 0, TimeSpan.Zero));
        disputed.Remedy!.Kind.Should().Be(RemedyKind.Compensation);
        disputed.Remedy.Amount.Should().BeNull("relief amounts are not in the data");
        disputed.FollowUps.Should().ContainSingle().Which.Satisfaction.Should().Be(Satisfaction.Dissatisfied);
        disputed.Intake.Description.Should().Be("Mortgage. Loan servicing, payments, escrow account.");

        var closed = (await store.LoadAsync(ComplaintImporter.IdFor("cfpb", "1290581")))!;
        closed.Outcome.Should().Be("Closed");
        closed.Findings.Should().BeNull("a bare 'Closed' says nothing about the merits");
        closed.Category.Should().Be("credit-reporting", "the 2015 and 2023 product names meet in one category");
        closed.FollowUps.Should().ContainSingle().Which.Satisfaction.Should().Be(Satisfaction.Neutral);
    }

    [Fact]
    public async Task Import_HeaderOfAnotherExport_ValidationErrorNamingEveryMissingColumn()
    {
        var act = () => ImportAsync("name,age\nLi,3\n");

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Should().ContainSingle().Which.Should().Match<ValidationError>(e =>
            e.Field == "Header"
            && e.Message.Contains("'Complaint ID'") && e.Message.Contains("'Date received'") && e.Message.Contains("'Product'")
            && e.Message.Contains("'Company response to consumer' or 'Company response'") && e.Message.Contains("'Timely response?'")
            && !e.Message.Contains("'Company'") && !e.Message.Contains("'Submitted via'"));
    }

    [Theory]
    [InlineData("Credit reporting, credit repair services, or other personal consumer reports", "credit-reporting")]
    [InlineData("Bank account or service", "bank-account")]
    [InlineData("Checking or savings account", "bank-account")]
    [InlineData("Money transfers", "money-transfer")]
    [InlineData("Buy now, pay later (BNPL)", "buy-now-pay-later-bnpl")]
    public void Category_OldAndNewProductNames_MeetInOneCategory(string product, string category) =>
        CfpbImport.Category(product).Should().Be(category);

    [Fact]
    public async Task ImportFile_2015Q1Export_EveryRowImportedWithTheFilesFigures()
    {
        var (result, store) = await ImportFileAsync("consumer_complaints_2015q1.csv");

        result.RejectedRows.Should().BeEmpty();
        result.Should().BeEquivalentTo(new { Imported = 28_156, AlreadyPresent = 0, Rejected = 0, Rows = 28_156 });
        var cases = await AllAsync(store);
        cases.Should().HaveCount(28_156);
        cases.Count(c => c.State == ComplaintState.Closed).Should().Be(19_381 + 3_593 + 1_534 + 606);
        cases.Count(c => c.State == ComplaintState.Investigating).Should().Be(2_690 + 352, "In progress and Untimely response stay open");
        cases.Count(c => c.Deadlines.Single().MetAt <= c.Deadlines.Single().DueAt).Should().Be(27_444);
        cases.Count(c => c.Deadlines.Single().BreachedAt != null).Should().Be(712);
        cases.Count(c => c.FollowUps.Any(f => f.Satisfaction == Satisfaction.Dissatisfied)).Should().Be(4_708);
        cases.Count(c => c.Category == "debt-collection").Should().Be(7_494);
        cases.Count(c => c.Category == "mortgage").Should().Be(6_612);
        cases.Min(c => c.ReceivedAt).Should().Be(new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero));
        cases.Max(c => c.ReceivedAt).Should().Be(new DateTimeOffset(2015, 3, 19, 0, 0, 0, TimeSpan.Zero));
        cases.Where(c => c.Intake.Description.EndsWith("The export names no issue.", StringComparison.Ordinal)).Select(c => c.Intake.Subject.Reference)
            .Should().BeEquivalentTo(["CFPB 1235087", "CFPB 1226302"], "two rows have no Issue: imported on their product, not rejected");
    }

    [Fact]
    public async Task ImportFile_2023Sample_EveryRowImportedWithTheFilesFigures()
    {
        var (result, store) = await ImportFileAsync("cfpb_complaints_2023_sample.csv");

        result.Should().BeEquivalentTo(new { Imported = 2_067, AlreadyPresent = 0, Rejected = 0 });
        var cases = await AllAsync(store);
        cases.Count(c => c.State == ComplaintState.Closed).Should().Be(789 + 627 + 33 + 2);
        cases.Count(c => c.State == ComplaintState.Investigating).Should().Be(616);
        cases.GroupBy(c => c.Intake.Channel).ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<Channel, int> { [Channel.OnlineForm] = 2_000, [Channel.Phone] = 41, [Channel.Letter] = 17 + 9 });
        cases.Select(c => c.Department).Distinct().Should().HaveCount(177, "one department per company");
        cases.Count(c => c.Deadlines.Single().BreachedAt != null).Should().Be(1);
        cases.Count(c => c.Category == "credit-reporting").Should().Be(1_508 + 156);
        cases.Where(c => c.Intake.Description.Contains('\n')).Should().NotBeEmpty("narratives with line breaks are read whole");
    }

    internal static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Data", name);

    internal static async Task<IReadOnlyList<Complaint>> AllAsync(IComplaintStore store) =>
        await store.QueryAsync(new ComplaintQuery { Take = 100_000 }, TestContext.Current.CancellationToken);

    private static async Task<(ImportResult, InMemoryComplaintStore)> ImportAsync(string csv)
    {
        var store = new InMemoryComplaintStore();
        var result = await new ComplaintImporter(store, new FakeTimeProvider(Now)).ImportAsync(new StringReader(csv), CfpbImport.Mapping, cancellationToken: TestContext.Current.CancellationToken);
        return (result, store);
    }

    private static async Task<(ImportResult, InMemoryComplaintStore)> ImportFileAsync(string name)
    {
        var store = new InMemoryComplaintStore();
        var result = await new ComplaintImporter(store, new FakeTimeProvider(Now)).ImportFileAsync(DataFile(name), CfpbImport.Mapping, cancellationToken: TestContext.Current.CancellationToken);
        return (result, store);
    }
}
