using Complaints.Commands;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests;

/// <summary>
/// docs/deadlines.md says where the shipped China data ends and what happens past it. When newer holiday-cn data
/// ships, these tests fail: update the page's "Mind the end of the data" paragraph and the dates here.
/// </summary>
public sealed class CalendarDataTests
{
    private static readonly DateTimeOffset MondayBeforeChristmas = new(2026, 12, 21, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_China_data_ends_on_31_December_2026()
    {
        var china = BusinessCalendars.China();

        china.CoveredFrom.Should().Be(new DateOnly(2007, 1, 1));
        china.CoveredTo.Should().Be(new DateOnly(2026, 12, 31), "docs/deadlines.md says so; update it with the data");
    }

    [Fact]
    public async Task Triage_past_the_data_fails_unless_the_host_opts_into_plain_weekdays()
    {
        var strict = await TriageAsync(fallback: false);
        var lenient = await TriageAsync(fallback: true);

        await strict.Should().ThrowAsync<BusinessCalendarException>("the hospital pack's 10-working-day follow-up reaches into 2027");
        (await lenient()).Complaint.State.Should().Be(ComplaintState.Triaged);
    }

    private static async Task<Func<Task<CommandResult>>> TriageAsync(bool fallback)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(MondayBeforeChristmas));
        services.AddComplaints(o =>
        {
            o.UsePack("hospital");
            o.CalendarWeekdayFallback = fallback;
        });
        var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var received = await complaints.ReceiveAsync(A.Coordinator(), A.Complaint().BuildIntake());
        return () => complaints.ExecuteAsync(received.Complaint.Id, A.Coordinator(), new Triage());
    }
}
