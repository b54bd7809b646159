using Complaints.Analysis;
using Complaints.Testing;
using Complaints.Workflow;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/improvement.md, "Periodic analysis": a quarter's figures from the store.</summary>
public sealed class PeriodicAnalysis
{
    [Fact]
    public async Task A_quarters_figures_come_from_the_store()
    {
        var time = new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddComplaints().UsePack("generic");
        await using var provider = services.BuildServiceProvider();
        var driver = new CaseDriver(provider.GetRequiredService<ComplaintService>(), new CaseCast(), new CaseScript());
        await driver.DriveToAsync(A.Complaint().BuildIntake(), ComplaintState.Closed);
        await driver.DriveToAsync(A.Complaint().Via(Channel.Phone).AboutProduct("Brake pads").BuildIntake(), ComplaintState.Investigating);
        time.Advance(TimeSpan.FromDays(30));

        #region period-analysis
        var analysis = provider.GetRequiredService<ComplaintAnalysis>();
        var china = TimeSpan.FromHours(8);

        // The first quarter of 2026 in China, as of now, weeks from Monday midnight there; only the generic pack's cases.
        var quarter = analysis.Period(new DateTimeOffset(2026, 1, 1, 0, 0, 0, china), new DateTimeOffset(2026, 4, 1, 0, 0, 0, china)) with
        {
            Interval = TrendInterval.Week,
            Offset = china,
            Pack = "generic",
        };
        PeriodAnalysis figures = await analysis.AnalyseAsync(quarter);

        var resolvedOnTime = figures.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve).OnTimeRate; // null if none was due
        var topCause = figures.RootCauses.Count > 0 ? figures.RootCauses[0] : null;                    // the Pareto's first bar
        var medianToResolve = figures.TimeToResolve.Median;
        foreach (var department in figures.Departments)
        {
            // department.Received, Open, Overdue, OnTimeRate, MedianTimeToResolve: a row of the weekly meeting's table
        }
        #endregion

        figures.Received.Should().Be(2);
        figures.Closed.Should().Be(1);
        figures.Trend.Should().HaveCount(14).And.OnlyContain(p => p.Start.Offset == china);
        resolvedOnTime.Should().Be(0.5, "the closed case was resolved on time; the one still investigating 30 days on missed it");
        topCause!.Cause.Should().Be(RootCause.StaffError);
        medianToResolve.Should().NotBeNull();
        figures.Departments.Should().ContainSingle();
    }
}
