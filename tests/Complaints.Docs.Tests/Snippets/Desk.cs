using Complaints.Commands;
using Complaints.Ports;
using Complaints.Testing;
using Complaints.Workflow;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/storage.md and docs/concepts.md: the desk query.</summary>
public sealed class Desk
{
    [Fact]
    public async Task A_desk_holds_the_actors_cases_with_their_reasons()
    {
        var fake = new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(fake);
        services.AddComplaints().UsePack("generic");
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var store = provider.GetRequiredService<IComplaintStore>();
        var coordinator = A.Coordinator();
        var waiting = await complaints.ReceiveAsync(coordinator, A.Complaint().BuildIntake());
        var triaged = await complaints.ReceiveAsync(coordinator, A.Complaint().BuildIntake());
        var routed = await complaints.ExecuteAsync(triaged.Complaint.Id, coordinator, new Triage());
        fake.Advance(TimeSpan.FromDays(30));
        var department = routed.Complaint.Department!.Value;

        #region desk
        // Through the service: the actor's desk, scoped and redacted as they may see it, a page at a time.
        int? skip = 0;
        while (skip is { } next)
        {
            var page = await complaints.GetDeskAsync(coordinator, skip: next, take: 50);
            foreach (var (complaint, reasons) in page.Items)
            {
                Console.WriteLine($"{complaint.Id} {complaint.NextDeadline?.DueAt:u} {reasons}");   // e.g. … AwaitingTriage
            }

            skip = page.NextSkip;   // null at the desk's end
        }

        // Straight from a store (no scoping, no redaction): the criteria are OR-ed, VisibleTo restricts them all.
        var overdueHere = await store.QueryDeskAsync(new DeskQuery
        {
            OverdueIn = department,
            AwaitingTriage = true,
            Now = fake.GetUtcNow(),   // a deadline due exactly now is not yet overdue
        });
        #endregion

        var desk = (await complaints.GetDeskAsync(coordinator)).Items;
        desk.Should().Contain(d => d.Complaint.Id == waiting.Complaint.Id && d.Reasons.HasFlag(DeskReasons.AwaitingTriage));
        desk.Should().NotContain(d => d.Complaint.Id == triaged.Complaint.Id && d.Reasons.HasFlag(DeskReasons.AwaitingTriage), "it is triaged");
        overdueHere.Should().Contain(d => d.Complaint.Id == triaged.Complaint.Id && d.Reasons == DeskReasons.Overdue);
        overdueHere.Should().Contain(d => d.Complaint.Id == waiting.Complaint.Id && d.Reasons.HasFlag(DeskReasons.AwaitingTriage));
    }
}
