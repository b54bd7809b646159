using System.Text;
using System.Text.Json;
using Complaints.Notifications;

namespace Complaints.Ports;

/// <summary>
/// How a store reads back the JSON it keeps, and how it keeps error text, the same way in every store: a row that
/// cannot be read becomes a typed error naming it (never a raw <see cref="JsonException"/>), and error text is made
/// safe for any database before it is stored.
/// </summary>
public static class StoredRecords
{
    /// <summary>The longest error text a store keeps; longer text is cut and ends in an ellipsis.</summary>
    public const int MaxErrorLength = 4000;

    /// <summary>
    /// Makes <paramref name="text"/> safe to store in any database: NUL and the other control characters (tab, line
    /// feed and carriage return excepted) and unpaired surrogates become U+FFFD, and the text is cut to
    /// <see cref="MaxErrorLength"/> characters. PostgreSQL refuses NUL in text, and no UTF-8 column takes an unpaired
    /// surrogate: without this a sender's odd error would make the failure itself impossible to record.
    /// </summary>
    /// <param name="text">The error text.</param>
    /// <returns>The text as stored.</returns>
    public static string Error(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.Length > MaxErrorLength;
        var length = cut ? MaxErrorLength - 1 : text.Length;
        var safe = new StringBuilder(length + 1);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                safe.Append('\uFFFD');
            }
            else
            {
                safe.Append(c);
            }
        }

        return cut ? safe.Append('…').ToString() : safe.ToString();
    }

    /// <summary>Reads a stored case.</summary>
    /// <param name="id">The case the row belongs to, named in the error.</param>
    /// <param name="json">The stored JSON.</param>
    /// <returns>The case.</returns>
    /// <exception cref="UnreadableCaseException">The JSON cannot be read as a case by this release.</exception>
    public static Complaint ReadCase(ComplaintId id, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, ComplaintsJson.TypeInfo<Complaint>())
                ?? throw new UnreadableCaseException(id, new InvalidDataException("The stored case is the JSON null."));
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw new UnreadableCaseException(id, e);
        }
    }

    /// <summary>Says why a stored case cannot be read by this release, for an operator's list; <see langword="null"/> if it can.</summary>
    /// <param name="id">The case the row belongs to.</param>
    /// <param name="json">The stored JSON.</param>
    /// <returns>The case and why, or <see langword="null"/>.</returns>
    public static UnreadableCase? Unreadable(ComplaintId id, string json)
    {
        try
        {
            ReadCase(id, json);
            return null;
        }
        catch (UnreadableCaseException e)
        {
            return new UnreadableCase(id, Error(e.InnerException?.Message ?? e.Message));
        }
    }

    /// <summary>Reads a stored notification, or says why it cannot be read.</summary>
    /// <param name="json">The stored JSON.</param>
    /// <param name="error">Why it cannot be read (already made safe to store), or <see langword="null"/>.</param>
    /// <returns>The notification, or <see langword="null"/> if it cannot be read by this release.</returns>
    public static Notification? TryReadNotification(string json, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var notification = JsonSerializer.Deserialize(json, ComplaintsJson.TypeInfo<Notification>());
            error = notification is null ? "Unreadable notification: the stored notification is the JSON null." : null;
            return notification;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            error = Error($"Unreadable notification (written by a newer release, or damaged): {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    // What deserialising text can throw for text this release cannot read (converters throw more than JsonException).
    private static bool IsUnreadable(Exception e) =>
        e is JsonException or NotSupportedException or FormatException or ArgumentException or InvalidOperationException or InvalidDataException;
}
