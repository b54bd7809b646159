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
/// docs/deadlines.md says where the shipped China data ends and what happens past it ("The calendar horizon"). When
/// newer holiday-cn data ships, these tests fail: update that section and the dates here.
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
    public async Task Triage_past_the_data_is_provisional_unless_the_host_chooses_strict()
    {
        var provisional = await TriageAsync(strict: false);
        var strict = await TriageAsync(strict: true);

        var triaged = (await provisional()).Complaint;
        triaged.State.Should().Be(ComplaintState.Triaged);
        triaged.Deadlines.Should().Contain(d => d.Provisional, "the hospital pack's 10-working-day follow-up reaches into 2027");
        await strict.Should().ThrowAsync<BusinessCalendarException>("StrictCalendarHorizon fails instead of estimating");
    }

    private static async Task<Func<Task<CommandResult>>> TriageAsync(bool strict)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(MondayBeforeChristmas));
        services.AddComplaints(o => o.StrictCalendarHorizon = strict).UsePack("hospital");
        var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var received = await complaints.ReceiveAsync(A.Coordinator(), A.Complaint().BuildIntake());
        return () => complaints.ExecuteAsync(received.Complaint.Id, A.Coordinator(), new Triage());
    }
}
