using System.Security.Cryptography;
using System.Text;

namespace Complaints.Workflow.Status;

/// <summary>
/// The secrets complainants are given at receipt to look up their case, and the salted hashes the case keeps of them
/// (<see cref="Complaint.StatusKey"/>). A secret is 20 characters of Crockford's base 32 (100 random bits from
/// <see cref="RandomNumberGenerator"/>), written in four groups of five: <c>7KQ2M-X9D4R-…</c>. The case keeps
/// <c>hmac-sha256:&lt;salt&gt;:&lt;hash&gt;</c>, an HMAC-SHA-256 of the secret keyed with 16 random bytes: with 100 bits
/// of randomness, guessing is hopeless without the slow hashing a chosen password needs.
/// </summary>
internal static class StatusKeys
{
    private const string Scheme = "hmac-sha256";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
    private const int SecretLength = 20;
    private const int SaltLength = 16;

    // Compared against when there is no key, so an unknown reference takes as long as a wrong secret.
    private static readonly byte[] Decoy = RandomNumberGenerator.GetBytes(SaltLength);

    /// <summary>A new secret and the key to keep.</summary>
    public static (string Key, string Secret) Issue()
    {
        // The secret's bits and the salt in one read of the OS's generator (each read is a system call).
        Span<byte> random = stackalloc byte[SecretLength + SaltLength];
        RandomNumberGenerator.Fill(random);
        Span<char> secret = stackalloc char[SecretLength + ((SecretLength - 1) / 5)];
        Span<byte> normalized = stackalloc byte[SecretLength]; // the secret as Normalized reads it back: its characters without the hyphens, in UTF-8
        var at = 0;
        for (var i = 0; i < SecretLength; i++)
        {
            if (i > 0 && i % 5 == 0)
            {
                secret[at++] = '-';
            }

            var c = Alphabet[random[i] & 31];
            secret[at++] = c;
            normalized[i] = (byte)c;
        }

        var salt = random[SecretLength..];
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(salt, normalized, hash);
        var key = string.Concat(Scheme + ":", Convert.ToBase64String(salt), ":", Convert.ToBase64String(hash));
        var text = new string(secret);
        CryptographicOperations.ZeroMemory(random);
        CryptographicOperations.ZeroMemory(normalized);
        return (key, text);
    }

    /// <summary>
    /// Whether <paramref name="secret"/> is the one <paramref name="key"/> was made from; <see langword="false"/> for no
    /// key or a key this release cannot read. The hashes are compared in constant time, and a missing key costs the same hash.
    /// </summary>
    public static bool Matches(string? key, string secret)
    {
        var normalized = Normalized(secret);
        var parts = key?.Split(':');
        byte[]? salt = null, expected = null;
        if (parts is [Scheme, var s, var h])
        {
            try
            {
                salt = Convert.FromBase64String(s);
                expected = Convert.FromBase64String(h);
            }
            catch (FormatException)
            {
                salt = expected = null;
            }
        }

        var actual = Hash(salt ?? Decoy, normalized);
        return CryptographicOperations.FixedTimeEquals(actual, expected ?? Decoy) && expected is not null;
    }

    /// <summary>What the complainant typed, as issued: upper case, without spaces or hyphens, O read as 0 and I, L as 1.</summary>
    private static string Normalized(string secret)
    {
        var s = new StringBuilder(secret.Length);

        // NFKC first: full-width letters and digits (ＡＢ１２), the full-width hyphen and the ideographic space, as a
        // Chinese keyboard types them, become their ASCII forms; the dashes a phone or a word processor puts in are hyphens.
        foreach (var c in secret.Normalize(NormalizationForm.FormKC))
        {
            switch (char.ToUpperInvariant(c))
            {
                case '-' or ' ' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212':
                    break;
                case 'O':
                    s.Append('0');
                    break;
                case 'I' or 'L':
                    s.Append('1');
                    break;
                case var other:
                    s.Append(other);
                    break;
            }
        }

        return s.ToString();
    }

    private static byte[] Hash(byte[] salt, string normalized) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(normalized));
}
