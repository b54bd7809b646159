using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Complaints.Analysis;

/// <summary>
/// The keys recurrence is found by. A store keeps them in columns of their own so that the look-back is an index
/// range; the complainant's key is a one-way hash, so the column does not hold their identity in clear.
/// </summary>
public static class AnalysisKeys
{
    /// <summary>
    /// The complainant's key: a hash of their customer id (trimmed), else their e-mail address (trimmed, lower-case),
    /// else the digits of their phone number (at least five); <see langword="null"/> for an anonymous complainant or one
    /// without any of these.
    /// </summary>
    /// <param name="complainant">The complainant.</param>
    /// <returns>32 lower-case hexadecimal digits, or <see langword="null"/>.</returns>
    public static string? Complainant(Complainant complainant)
    {
        ArgumentNullException.ThrowIfNull(complainant);
        if (complainant.IsAnonymous)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(complainant.CustomerId))
        {
            return Hash("customer:" + complainant.CustomerId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(complainant.Contact.Email))
        {
            return Hash("email:" + complainant.Contact.Email.Trim().ToLowerInvariant());
        }

        if (complainant.Contact.Phone is { } phone)
        {
            var digits = new StringBuilder(phone.Length);
            foreach (var c in phone)
            {
                if (char.IsAsciiDigit(c))
                {
                    digits.Append(c);
                }
            }

            if (digits.Length >= 5)
            {
                return Hash("phone:" + digits);
            }
        }

        return null;
    }

    /// <summary>
    /// The subject's key: its kind and, for a staff member with an id, that id, else its name (trimmed, lower-case),
    /// e.g. <c>Product:brake pads</c>.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The key.</returns>
    public static string Subject(ComplaintSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var name = subject.StaffId is { } staff ? "staff:" + staff.Value : subject.Name.Trim().ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{subject.Kind}:{name}");
    }

    private static string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
