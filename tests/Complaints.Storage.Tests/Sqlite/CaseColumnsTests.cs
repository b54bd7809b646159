using System.Globalization;
using Complaints.Storage.Sqlite.Internal;

namespace Complaints.Storage.Tests.Sqlite;

/// <summary>How the SQLite store spells values in its columns.</summary>
public sealed class CaseColumnsTests
{
    [Fact]
    public void Time_AnyOffsetAndTick_IsFixedWidthUtcTextThatReadsBackExactly()
    {
        var random = new Random(11);
        for (var i = 0; i < 10_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
            var time = new DateTimeOffset(ticks, offset);

            var text = CaseColumns.Time(time);

            text.Should().Be(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            CaseColumns.ReadTime(text).Should().Be(time).And.HaveOffset(TimeSpan.Zero);
        }
    }
}
