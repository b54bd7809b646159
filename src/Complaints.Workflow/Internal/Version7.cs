using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Complaints.Workflow.Internal;

/// <summary>
/// Version-7 UUIDs (RFC 9562) as <see cref="Guid.CreateVersion7(DateTimeOffset)"/> makes them: the Unix time in
/// milliseconds, then 74 random bits. The random bits come from the OS's cryptographic generator, as
/// <see cref="Guid.CreateVersion7(DateTimeOffset)"/>'s do, but fetched 4 KB at a time per thread: on Linux every
/// <see cref="Guid.NewGuid"/> reads <c>/dev/urandom</c>, a system call that cost more than the rest of a command.
/// </summary>
internal static class Version7
{
    private const int RandomBytes = 10;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_used;

    /// <summary>A new version-7 UUID for <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before 1970.</exception>
    public static Guid New(DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(at));

        var random = t_random ??= new byte[4096];
        if (t_used == 0 || t_used > random.Length - RandomBytes)
        {
            RandomNumberGenerator.Fill(random);
            t_used = 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16); // the 48-bit time in bytes 0–5
        random.AsSpan(t_used, RandomBytes).CopyTo(bytes[6..]);
        random.AsSpan(t_used, RandomBytes).Clear(); // each random byte is used once, and not kept
        t_used += RandomBytes;
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70); // version 7
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
