using Complaints.Workflow.Calendars;
using Complaints.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Rules.Tests.DependencyInjection;

/// <summary>The host is warned at start, in its log, when a calendar's official data ends within the pack's longest deadline.</summary>
public sealed class CalendarHorizonWarningTests
{
    [Fact]
    public async Task Start_WhenTheChinaDataEndsWithinTheLongestDeadline_LogsAWarningSayingWhatToDo()
    {
        var (warning, log) = await StartAsync(new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.FromHours(8)));

        warning.Warnings.Should().ContainSingle().Which.Should().Contain("'cn'").And.Contain("2026-12-31").And.Contain("ReplanDeadlines");
        log.Should().ContainSingle(e => e.Level == LogLevel.Warning && e.Message.Contains("2026-12-31"));
    }

    [Fact]
    public async Task Start_WellBeforeTheDataEnds_IsQuiet()
    {
        var (warning, log) = await StartAsync(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)));

        warning.Warnings.Should().BeEmpty();
        log.Should().BeEmpty();
    }

    [Fact]
    public async Task Start_NearTheEndOfTheData_NamesThePacksLongestDeadline()
    {
        // From 29 December 2026 even the 3-working-day deadlines reach 2027; the warning names the longest.
        var (warning, _) = await StartAsync(new DateTimeOffset(2026, 12, 29, 10, 0, 0, TimeSpan.FromHours(8)));

        warning.Warnings.Should().ContainSingle().Which.Should().Contain("rule 'follow-up-within-10-working-days': 10 WorkingDays, due 2027-01-13 if received now")
            .And.Contain("policy pack 'hospital'");
    }

    [Fact]
    public async Task Start_WithAStrictCalendar_WarnsThatDeadlinesReachingPastTheDataWillFail()
    {
        var (warning, log) = await StartAsync(
            new DateTimeOffset(2026, 12, 18, 10, 0, 0, TimeSpan.FromHours(8)),
            complaints => complaints.AddCalendar("cn", BusinessCalendars.China([]).WithStrictHorizon()));

        warning.Warnings.Should().ContainSingle().Which.Should().Contain("reaching 2027-01-01 if received now, which fails because the calendar is strict");
        log.Should().ContainSingle();
    }

    [Fact]
    public async Task Start_WithACalendarWithoutHolidayData_IsQuiet()
    {
        var (warning, log) = await StartAsync(
            new DateTimeOffset(2026, 12, 29, 10, 0, 0, TimeSpan.FromHours(8)),
            complaints => complaints.AddCalendar("cn", new WeekdayCalendar()));

        warning.Warnings.Should().BeEmpty("a weekday calendar has no data to run out of");
        log.Should().BeEmpty();
    }

    private static async Task<(CalendarHorizonWarning Warning, List<(LogLevel Level, string Message)> Log)> StartAsync(
        DateTimeOffset now, Action<ComplaintsBuilder>? configure = null)
    {
        var log = new List<(LogLevel, string)>();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(now))
            .AddSingleton<ILogger<CalendarHorizonWarning>>(new ListLogger(log));
        var complaints = services.AddComplaints().UsePack("hospital"); // a follow-up within 10 working days
        configure?.Invoke(complaints);
        using var provider = services.BuildServiceProvider();
        var warning = provider.GetServices<IHostedService>().OfType<CalendarHorizonWarning>().Single();

        await warning.StartAsync(CancellationToken.None);

        return (warning, log);
    }

    private sealed class ListLogger(List<(LogLevel, string)> log) : ILogger<CalendarHorizonWarning>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Add((logLevel, formatter(state, exception)));
    }
}
