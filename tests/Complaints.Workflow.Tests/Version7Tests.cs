using System.Buffers.Binary;
using System.Collections.Concurrent;

using Complaints.Workflow.Internal;

namespace Complaints.Workflow.Tests;

/// <summary>The journal's and cases' ids: version-7 UUIDs as <see cref="Guid.CreateVersion7(DateTimeOffset)"/> makes them.</summary>
public sealed class Version7Tests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, 123, TimeSpan.FromHours(8));

    [Fact]
    public void New_HasVersion7TheVariantAndTheTimeInMilliseconds_LikeTheRuntimes()
    {
        var ours = Version7.New(At);
        var runtimes = Guid.CreateVersion7(At);

        ours.Version.Should().Be(7);
        (ours.Variant & 0xC).Should().Be(0x8, "the RFC 9562 variant is 10 in binary").And.Be(runtimes.Variant & 0xC);
        Millis(ours).Should().Be(At.ToUnixTimeMilliseconds()).And.Be(Millis(runtimes));
    }

    [Fact]
    public void New_ManyOnSeveralThreads_AreAllDifferent_AndTheirRandomBitsVary()
    {
        var ids = new ConcurrentBag<Guid>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5_000; i++) // crosses the 4 KB refill many times on each thread
            {
                ids.Add(Version7.New(At));
            }
        });

        ids.Should().HaveCount(40_000).And.OnlyHaveUniqueItems();
        ids.Select(id => id.ToByteArray(bigEndian: true)[15]).Distinct().Should().HaveCountGreaterThan(200, "the last byte is random");
    }

    [Fact]
    public void New_ALaterMillisecond_SortsAfter()
    {
        var earlier = Version7.New(At);
        var later = Version7.New(At.AddMilliseconds(1));

        later.CompareTo(earlier).Should().BePositive();
        string.CompareOrdinal(later.ToString(), earlier.ToString()).Should().BePositive();
    }

    [Fact]
    public void New_BeforeTheUnixEpoch_Throws()
    {
        var act = () => Version7.New(DateTimeOffset.UnixEpoch.AddMilliseconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("at");
    }

    private static long Millis(Guid id) => BinaryPrimitives.ReadInt64BigEndian(id.ToByteArray(bigEndian: true)) >>> 16;
}
