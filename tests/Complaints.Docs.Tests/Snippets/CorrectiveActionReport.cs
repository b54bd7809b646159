using Complaints.Analysis.Reports;
using Complaints.Improvement;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Improvement;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/improvement.md, "Corrective actions in the report": the quarter's actions as a section of the report.</summary>
public sealed class CorrectiveActionReport : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaints-docs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_quarters_corrective_actions_are_a_section_of_its_report()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 2, 1, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddComplaints().UsePack("hospital");
        await using var provider = services.BuildServiceProvider();
        var capa = provider.GetRequiredService<CorrectiveActionService>();
        await capa.ProposeAsync(A.Coordinator(), new ProposeCorrectiveAction(
            CorrectiveActionKind.Corrective, "Check every bill against the ward's transfer record", RootCause.ProcessGap,
            "Transfers were entered a day late.", new ActorId("finance-manager"))
        {
            Department = new DepartmentId("finance"),
        });
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero));
        var folder = _folder;
        var timeProvider = clock;

        #region capa-report
        var analysis = provider.GetRequiredService<ComplaintAnalysis>();
        var china = TimeSpan.FromHours(8);
        var quarter = analysis.Period(new DateTimeOffset(2026, 1, 1, 0, 0, 0, china), new DateTimeOffset(2026, 4, 1, 0, 0, 0, china)) with { Offset = china };
        var figures = await analysis.AnalyseAsync(quarter);

        // The same query: the actions of the quarter's pack and department as of the same instant.
        var actions = await analysis.CorrectiveActionsAsync(quarter);
        Console.WriteLine($"{actions.Open} open, {actions.Overdue} overdue, {actions.AwaitingVerification} awaiting verification");

        var report = PeriodReport.Create(figures, timeProvider, organisation: "City Hospital") with { CorrectiveActions = actions };
        await File.WriteAllTextAsync(Path.Combine(folder, "2026-q1.html"), report.ToHtml());   // with the "Corrective actions" section
        #endregion

        analysis.HasCorrectiveActions.Should().BeTrue();
        (actions.Proposed, actions.Open, actions.Overdue).Should().Be((1, 1, 1), "proposed on Feb 2 with 10 working days, it is overdue by April");
        actions.Actions.Single().Title.Should().Be("Check every bill against the ward's transfer record");
        File.ReadAllText(Path.Combine(folder, "2026-q1.html")).Should().Contain("<h2 id=\"corrective-actions-heading\">Corrective actions</h2>");
        report.ToCsv().Select(f => f.Name).Should().Contain(["corrective-actions.csv", "corrective-actions-departments.csv", "corrective-actions-open.csv"]);
    }
}
