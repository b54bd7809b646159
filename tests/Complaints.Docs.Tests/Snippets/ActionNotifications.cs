using Complaints.Improvement;
using Complaints.Notifications;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.Improvement;
using Complaints.Workflow.Notifications;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

#region action-notification-sender
/// <summary>A sender that words a message by what it is about: a case, or a corrective action.</summary>
public sealed class StaffMailSender : INotificationSender
{
    public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        // Exactly one is set. Sequence is the entry of that case's (or that action's) journal.
        var about = notification.CorrectiveActionId is { } action
            ? $"corrective action {action}"
            : $"complaint {notification.ComplaintId}";
        Console.WriteLine($"to {notification.Recipient} about {about}: {notification.Subject}");
        return Task.CompletedTask;
    }
}
#endregion

/// <summary>docs/notifications.md and docs/improvement.md: notifications about corrective actions, on the in-memory store.</summary>
public sealed class ActionNotifications
{
    [Fact]
    public async Task A_proposal_asks_the_general_manager_and_a_late_action_tells_its_owner_and_the_general_manager()
    {
        var time = new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddComplaints().UsePack("auto-dealership").AddDeadlineWorker().AddOutboxDispatcher().AddNotificationSender<StaffMailSender>();
        await using var provider = services.BuildServiceProvider();
        var actions = provider.GetRequiredService<CorrectiveActionService>();
        var serviceManager = A.Manager("service-manager", "service");
        var proposed = await actions.ProposeAsync(A.Coordinator(), new ProposeCorrectiveAction(
            CorrectiveActionKind.Corrective, "Road-test every brake repair before handover", RootCause.ProcessGap,
            "Repairs were handed over without a road test.", serviceManager.Id));
        var actionId = proposed.Action.Id;
        time.SetUtcNow(proposed.Action.DueAt);
        await actions.RecordDueDeadlinesAsync(10);

        #region read-action-outbox
        var outbox = provider.GetRequiredService<IOutboxStore>();
        foreach (var message in await outbox.ReadOutboxAsync(actionId))
        {
            Console.WriteLine($"{message.Notification.Kind} to {message.Notification.Recipient}: {message.State}");
        }
        // ApprovalRequest to role:general-manager: Pending
        // DeadlineBreach to actor:service-manager: Pending
        // DeadlineBreach to role:general-manager: Pending
        #endregion

        (await outbox.ReadOutboxAsync(actionId)).Select(m => (m.Notification.Kind, m.Notification.Recipient)).Should().Equal(
            (NotificationKind.ApprovalRequest, "role:general-manager"),
            (NotificationKind.DeadlineBreach, "actor:service-manager"),
            (NotificationKind.DeadlineBreach, "role:general-manager"));
        var dispatcher = provider.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        (await dispatcher.RunOnceAsync()).Should().Be(3);
        (await outbox.ReadOutboxAsync(actionId)).Should().OnlyContain(m => m.State == OutboxState.Sent);
    }
}
