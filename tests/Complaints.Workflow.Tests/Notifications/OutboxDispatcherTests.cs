using Complaints.Notifications;
using Complaints.Workflow.Notifications;
using Complaints.Workflow.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Complaints.Workflow.Tests.Notifications;

/// <summary>The dispatcher isolates each message: a failure to record one outcome never stops the others.</summary>
public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task RunOnce_RecordingAFailedSendThrows_IsLoggedAndTheOtherMessagesAreSent()
    {
        var h = new Harness();
        var failing = await h.DriveTo(ComplaintState.Triaged);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var fine = await h.DriveTo(ComplaintState.Triaged);
        var sender = new SenderFailingFor(failing);
        var logger = new ListLogger<OutboxDispatcher>();
        var dispatcher = new OutboxDispatcher(
            new MarkFailedThrows(h.Store), [sender], h.Time, Microsoft.Extensions.Options.Options.Create(new OutboxDispatcherOptions { WorkerId = "a" }), logger);

        var sent = await dispatcher.RunOnceAsync();

        sent.Should().Be((await h.Store.ReadOutboxAsync(fine)).Count);
        sender.Delivered.Should().OnlyContain(n => n.ComplaintId == fine).And.NotBeEmpty();
        (await h.Store.ReadOutboxAsync(fine)).Should().OnlyContain(m => m.State == OutboxState.Sent);
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains(failing.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 0.0, 15)]
    [InlineData(1, 1.0, 30)]
    [InlineData(3, 0.25, 75)]
    [InlineData(20, 0.0, 1800)]
    [InlineData(2, double.NaN, 60)]
    public void JitteredBackoffAfter_IsBetweenHalfAndAllOfTheBackoff(int failures, double sample, double seconds)
    {
        var options = new OutboxDispatcherOptions();

        options.JitteredBackoffAfter(failures, sample).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    private sealed class SenderFailingFor(ComplaintId failing) : INotificationSender
    {
        private readonly List<Notification> _delivered = [];

        public IReadOnlyList<Notification> Delivered => _delivered;

        public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            if (notification.ComplaintId == failing)
            {
                throw new InvalidOperationException("Mail server says no.");
            }

            _delivered.Add(notification);
            return Task.CompletedTask;
        }
    }

    /// <summary>The outbox, except that recording a failure fails (the store went away for a moment).</summary>
    private sealed class MarkFailedThrows(IOutboxStore inner) : IOutboxStore
    {
        public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, string worker, TimeSpan lease, int max, CancellationToken cancellationToken = default) =>
            inner.ClaimOutboxAsync(now, worker, lease, max, cancellationToken);

        public Task<bool> MarkSentAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken = default) => inner.MarkSentAsync(id, at, cancellationToken);

        public Task<bool> MarkFailedAsync(Guid id, string failure, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default) =>
            throw new TimeoutException("The store did not answer.");

        public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(ComplaintId complaintId, CancellationToken cancellationToken = default) => inner.ReadOutboxAsync(complaintId, cancellationToken);

        public Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(Complaints.Improvement.CorrectiveActionId actionId, CancellationToken cancellationToken = default) => inner.ReadOutboxAsync(actionId, cancellationToken);

        public Task<IReadOnlyList<ParkedOutboxMessage>> ReadParkedOutboxAsync(int max = 100, CancellationToken cancellationToken = default) => inner.ReadParkedOutboxAsync(max, cancellationToken);

        public Task<bool> ReleaseParkedOutboxAsync(Guid id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default) =>
            inner.ReleaseParkedOutboxAsync(id, nextAttemptAt, cancellationToken);
    }
}
