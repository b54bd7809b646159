namespace Complaints.Workflow.Calendars;

/// <summary>Turns a local wall-clock time of a calendar's zone into an instant, whatever the zone's clock changes.</summary>
internal static class LocalTimes
{
    /// <summary>
    /// The instant of <paramref name="local"/> in <paramref name="zone"/>. A time the clocks skip (e.g. midnight in
    /// America/Santiago when summer time starts) is the next valid instant, the moment the clocks jump; a time that
    /// happens twice (clocks going back) is its first occurrence, so a due time is never later than the wall-clock
    /// time it names.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone, TimeSpan offset)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Gaps are whole minutes in the tz database; a whole skipped day (Samoa, 2011) is the longest.
            var valid = local;
            for (var i = 0; i < 2 * 24 * 60 && zone.IsInvalidTime(valid); i++)
            {
                valid = valid.AddMinutes(1);
            }

            local = new DateTime(valid.Year, valid.Month, valid.Day, valid.Hour, valid.Minute, 0, DateTimeKind.Unspecified);
        }

        var utcOffset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local - utcOffset, TimeSpan.Zero).ToOffset(offset);
    }
}
