using Complaints.Workflow.Calendars;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Rules.Tests.DependencyInjection;

/// <summary>The calendar health check turns Degraded before the built-in China holiday data (to 2026-12-31) runs out under a pack's longest deadline.</summary>
public sealed class CalendarHealthCheckTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task CalendarCheck_MonthsBeforeTheDataEnds_IsHealthy()
    {
        var entry = await CalendarCheck(new DateTimeOffset(2026, 10, 1, 10, 0, 0, Beijing));

        entry.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task CalendarCheck_WithinTheLeadOfTheHorizon_IsDegradedNamingTheDateAndWhatToDo()
    {
        // On 1 December a case received now is still covered; one received 30 days later is not.
        var entry = await CalendarCheck(new DateTimeOffset(2026, 12, 1, 10, 0, 0, Beijing));

        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Description.Should().StartWith("Within 30 days (CalendarLead)").And.Contain("'cn'").And.Contain("2026-12-31")
            .And.Contain("policy pack 'hospital'").And.Contain("if received on 2026-12-31").And.Contain("ReplanDeadlines");
        entry.Data["horizonReached"].Should().Be(false);
    }

    [Fact]
    public async Task CalendarCheck_ALeadOfZero_WarnsOnlyOnceDeadlinesFromNowReachPastTheData()
    {
        var before = await CalendarCheck(new DateTimeOffset(2026, 12, 1, 10, 0, 0, Beijing), TimeSpan.Zero);
        var after = await CalendarCheck(new DateTimeOffset(2026, 12, 18, 10, 0, 0, Beijing), TimeSpan.Zero);

        before.Status.Should().Be(HealthStatus.Healthy);
        after.Status.Should().Be(HealthStatus.Degraded);
        after.Description.Should().Contain("if received now");
        after.Data["horizonReached"].Should().Be(true);
    }

    [Fact]
    public async Task CalendarCheck_ACalendarWithoutHolidayData_IsHealthy()
    {
        var entry = await CalendarCheck(new DateTimeOffset(2026, 12, 29, 10, 0, 0, Beijing), configure: c => c.AddCalendar("cn", new WeekdayCalendar()));

        entry.Status.Should().Be(HealthStatus.Healthy);
    }

    private static async Task<HealthReportEntry> CalendarCheck(DateTimeOffset now, TimeSpan? lead = null, Action<ComplaintsBuilder>? configure = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(now))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        var complaints = services.AddComplaints().UsePack("hospital"); // a follow-up within 10 working days
        configure?.Invoke(complaints);
        services.AddHealthChecks().AddComplaintsChecks(o => o.CalendarLead = lead ?? o.CalendarLead);
        using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == ComplaintsHealthChecksBuilderExtensions.CalendarCheck);
        return report.Entries[ComplaintsHealthChecksBuilderExtensions.CalendarCheck];
    }
}
