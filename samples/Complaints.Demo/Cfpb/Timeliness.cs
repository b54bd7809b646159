namespace Complaints.Demo.Cfpb;

/// <summary>Whether a 15-calendar-day deadline was met, as far as the data can tell.</summary>
internal enum DeadlineOutcome
{
    Met,
    Missed,

    /// <summary>The data cannot tell: it has no response date.</summary>
    CannotTell,
}

/// <summary>
/// The 15-calendar-day response deadline, reckoned without inventing a response date. The export has none; it has
/// the CFPB's "Timely response?" flag, which says whether the company responded within 15 days of the date the CFPB
/// sent the complaint to it ("Date sent to company"), and the two dates.
/// </summary>
internal static class Timeliness
{
    public const int Days = 15;

    /// <summary>
    /// Counted from the company's receipt ("Date sent to company"), which is when the model receives the case: exactly
    /// the CFPB's own measure, so its flag decides. Without a flag the data cannot tell.
    /// </summary>
    public static DeadlineOutcome FromCompanyReceipt(CfpbComplaint row) => row.Timely switch
    {
        true => DeadlineOutcome.Met,
        false => DeadlineOutcome.Missed,
        null => DeadlineOutcome.CannotTell,
    };

    /// <summary>
    /// Counted from the consumer's complaint ("Date received"), the stricter view. The response fell within
    /// [sent, sent + 15] days when the flag says timely, after sent + 15 when not; the deadline is received + 15.
    /// So: timely and sent the same day → met; sent more than 15 days after receipt, or untimely → missed;
    /// timely but sent 1–15 days later → the data cannot tell.
    /// </summary>
    public static DeadlineOutcome FromConsumerComplaint(CfpbComplaint row)
    {
        var gap = Math.Max(0, row.DaysToCompany);
        if (gap > Days || row.Timely == false)
        {
            return DeadlineOutcome.Missed;
        }

        return row.Timely == true && gap == 0 ? DeadlineOutcome.Met : DeadlineOutcome.CannotTell;
    }
}
