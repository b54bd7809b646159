using Complaints.Commands;
using Complaints.Notifications;

namespace Complaints.Workflow;

public sealed partial class ComplaintService
{
    /// <summary>
    /// The notifications a case caused and where each stands in the outbox (pending, sent, parked), as
    /// <paramref name="reader"/> may see them.
    /// </summary>
    /// <param name="id">The case.</param>
    /// <param name="reader">Who reads it; they must be allowed to see the case, as for <see cref="GetAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The messages in the order the store keeps them. A reader the policy hides the complainant's identity from sees a
    /// message to the complainant (<see cref="Notification.Complainant"/>) with its body and its last delivery error
    /// withheld (<see cref="Complainant.Withheld"/>): the body may address the complainant by name and a sender's error
    /// may quote their address.
    /// </returns>
    /// <exception cref="ComplaintNotFoundException">There is no such case.</exception>
    /// <exception cref="NotPermittedException">The reader may not see this case.</exception>
    /// <exception cref="InvalidOperationException">The store keeps no outbox (it does not implement <see cref="IOutboxStore"/>).</exception>
    public async Task<IReadOnlyList<OutboxMessage>> GetOutboxAsync(ComplaintId id, Actor reader, CancellationToken cancellationToken = default)
    {
        var outbox = _store as IOutboxStore ?? throw new InvalidOperationException(
            $"The complaint store {_store.GetType().Name} does not implement IOutboxStore, so it keeps no notification outbox to read. Use a store that does (the built-in ones do).");
        var complaint = await LoadVisibleAsync(id, reader, ComplaintAction.View, cancellationToken).ConfigureAwait(false);
        var messages = await outbox.ReadOutboxAsync(id, cancellationToken).ConfigureAwait(false);
        var view = await ViewAsync(complaint, reader, cancellationToken).ConfigureAwait(false);
        if (view.Identity)
        {
            return messages;
        }

        var shown = new OutboxMessage[messages.Count];
        for (var i = 0; i < shown.Length; i++)
        {
            var message = messages[i];
            shown[i] = message.Notification.Recipient == Notification.Complainant
                ? message with
                {
                    Notification = message.Notification with { Body = Complainant.Withheld },
                    LastError = message.LastError is null ? null : Complainant.Withheld,
                }
                : message;
        }

        return shown;
    }
}
