using Complaints.Commands;
using Complaints.Notifications;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Notifications;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/notifications.md, on the in-memory store.</summary>
public sealed class Notifications
{
    [Fact]
    public async Task The_outbox_holds_what_each_save_caused_and_the_dispatcher_sends_it()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        #region outbox-registration
        services.AddComplaints().UsePack("generic")
                .AddOutboxDispatcher(o =>
                {
                    o.PollInterval = TimeSpan.FromSeconds(10);
                    o.MaxAttempts = 8;                          // then parked for a person to look at
                    o.BaseBackoff = TimeSpan.FromSeconds(30);   // 30 s, 60 s, 120 s … up to MaxBackoff
                })
                .AddNotificationSender<EmailSender>();          // one or more; each gets every notification
        #endregion
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var coordinator = A.Coordinator();
        var received = await complaints.ReceiveAsync(coordinator, A.Complaint().BuildIntake());
        var id = received.Complaint.Id;
        await complaints.ExecuteAsync(id, coordinator, new Triage());
        await complaints.ExecuteAsync(id, coordinator, new Assign(A.Handler()));

        #region read-outbox
        var outbox = provider.GetRequiredService<IOutboxStore>();
        foreach (var message in await outbox.ReadOutboxAsync(id))
        {
            Console.WriteLine($"{message.Notification.Kind} to {message.Notification.Recipient}: {message.State}, " +
                              $"{message.Attempts} attempts{(message.LastError is null ? "" : ", last error: " + message.LastError)}");
        }
        #endregion

        var before = await outbox.ReadOutboxAsync(id);
        before.Select(m => (m.Notification.Kind, m.Notification.Recipient)).Should().Equal(
            (NotificationKind.Acknowledgement, Notification.Complainant), (NotificationKind.Assignment, "actor:handler"));
        before.Should().OnlyContain(m => m.State == OutboxState.Pending);

        var dispatcher = provider.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        (await dispatcher.RunOnceAsync()).Should().Be(2);
        (await outbox.ReadOutboxAsync(id)).Should().OnlyContain(m => m.State == OutboxState.Sent);
    }
}
