using Complaints.Storage.Sqlite;
using Complaints.Workflow.Import;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/improvement.md, "Importing history": a host's own mapping, and the CFPB mapping into SQLite.</summary>
public sealed class Importing : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaints-docs-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_hosts_spreadsheet_imports_with_its_own_mapping()
    {
        var path = Path.Combine(_folder, "complaints-2024.csv");
        await File.WriteAllTextAsync(path, """
            No.,Opened,Ward,Status,Patient,Phone,What happened,Found,Closed,Answered in time
            2024-001,03/01/2024,cardiology,closed,Li Wei,13800000000,"Waited four hours, then was sent home.",founded,10/01/2024,yes
            2024-002,04/01/2024,pharmacy,rejected,Wang Fang,13900000000,Not our hospital's pharmacy.,,05/01/2024,yes
            2024-003,31/02/2024,cardiology,open,Zhao Min,13700000000,Rude at the desk.,,,
            """, TestContext.Current.CancellationToken);
        using var store = new SqliteComplaintStore($"Data Source={Path.Combine(_folder, "complaints.db")}");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

        #region import-own-mapping
        string[] days = ["dd/MM/yyyy"];
        var china = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var mapping = new ImportMapping
        {
            Source = "old-register",                          // with the key, makes each case's id: a second run finds it
            Policy = new PolicyRef("hospital", "2024-register"),
            Key = ImportField.Text("No."),
            ReceivedAt = ImportField.Date("Opened", days, china),
            State = ImportField.Map(new Dictionary<string, ComplaintState>
            {
                ["open"] = ComplaintState.Investigating,
                ["closed"] = ComplaintState.Closed,
                ["rejected"] = ComplaintState.Rejected,
            }, "Status"),
            Channel = ImportField.Constant(Channel.WalkIn),
            Subject = ImportField.Text("Ward").Select(ward => new ComplaintSubject(SubjectKind.Department, ward, new DepartmentId(ward))),
            Description = ImportField.Text("What happened"),
            Complainant = ImportField.Custom(row => new Complainant(row["Patient"], new ContactDetails(Phone: row["Phone"])), "Patient", "Phone"),
            IdentityColumns = ["Patient", "Phone"],           // never quoted in a rejection
            Department = ImportField.Text("Ward").Select(ward => (DepartmentId?)new DepartmentId(ward)),
            ClosedAt = ImportField.OptionalDate("Closed", days, china),
            Findings = ImportField.Map(new Dictionary<string, Findings?>
            {
                ["founded"] = new Findings(FindingOutcome.Substantiated, RootCause.Undetermined, "From the 2024 register."),
            }, otherwise: null, "Found"),
            Deadlines = ImportField.Custom(row =>
            {
                // The register's rule was an answer within 15 days; "Answered in time" says whether it was.
                var due = ImportField.Date("Opened", days, china).Read(row).AddDays(15);
                var deadline = new Deadline(DeadlineKind.Resolve, due, "register-15-days", "calendar-days");
                return row["Answered in time"] switch
                {
                    "yes" => [deadline with { MetAt = due }],
                    "no" => [deadline with { BreachedAt = due }],
                    _ => (IReadOnlyList<Deadline>)[deadline],
                };
            }, "Opened", "Answered in time"),
        };

        var importer = new ComplaintImporter(store, time);   // a store with bulk saves is written 500 cases per transaction
        var result = await importer.ImportFileAsync(path, mapping);

        // 3 rows: 2 imported, 0 already present, 1 rejected
        Console.WriteLine($"{result.Rows} rows: {result.Imported} imported, {result.AlreadyPresent} already present, {result.Rejected} rejected");
        foreach (var rejected in result.RejectedRows)
        {
            Console.WriteLine(rejected);                      // line 4: 'Opened' '31/02/2024' is not a date in the format dd/MM/yyyy
        }
        #endregion

        result.Should().BeEquivalentTo(new { Imported = 2, AlreadyPresent = 0, Rejected = 1 });
        result.RejectedRows.Should().ContainSingle().Which.ToString().Should().Be("line 4: 'Opened' '31/02/2024' is not a date in the format dd/MM/yyyy");
        var first = (await store.LoadAsync(ComplaintImporter.IdFor("old-register", "2024-001"), TestContext.Current.CancellationToken))!;
        first.Should().Match<Complaint>(c => c.State == ComplaintState.Closed && c.Department == new DepartmentId("cardiology") && c.Findings!.Outcome == FindingOutcome.Substantiated);
        first.ReceivedAt.Should().Be(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.FromHours(8)));
        first.Deadlines.Single().MetAt.Should().Be(first.ReceivedAt.AddDays(15));

        #region import-again
        var again = await importer.ImportFileAsync(path, mapping);   // after a crash, or by mistake: nothing is doubled
        // 3 rows: 0 imported, 2 already present, 1 rejected
        #endregion

        again.Should().BeEquivalentTo(new { Imported = 0, AlreadyPresent = 2, Rejected = 1 });
    }

    [Fact]
    public async Task The_CFPB_export_imports_with_the_built_in_mapping()
    {
        var path = Path.Combine(_folder, "complaints.csv");
        await File.WriteAllTextAsync(path, """
            ,Complaint ID,Product,Sub-product,Issue,Sub-issue,State,ZIP code,Date received,Date sent to company,Company response,Timely response?,Consumer disputed?
            0,1291006,Debt collection,,Communication tactics,Frequent or repeated calls,TX,76119,3/19/2015,3/19/2015,In progress,Yes,
            """, TestContext.Current.CancellationToken);
        var database = Path.Combine(_folder, "cfpb.db");

        #region import-cfpb
        using var store = new SqliteComplaintStore($"Data Source={database}");
        var result = await new ComplaintImporter(store, TimeProvider.System).ImportFileAsync(path, CfpbImport.Mapping);
        #endregion

        result.Imported.Should().Be(1);
        (await store.LoadAsync(ComplaintImporter.IdFor(CfpbImport.Source, "1291006"), TestContext.Current.CancellationToken))!.State.Should().Be(ComplaintState.Investigating);
    }
}
