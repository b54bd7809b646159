using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Complaints.AspNetCore.Internal;

/// <summary>
/// Entity tags. A case's representation (<c>GET /{id}</c>) is tagged with its version and a hash of the exact JSON
/// bytes sent, <c>"7-3fa9c2d1"</c>, because what a reader sees depends on who reads (the accused sees the complainant
/// withheld): two readers with different views never share a tag, so a cache cannot revalidate one person's copy with
/// another's. A command's answer, and a 412, are tagged with the version alone, <c>"7"</c>. <c>If-Match</c> takes either.
/// </summary>
internal static class ETags
{
    /// <summary>Hex digits of SHA-256 kept in a representation's tag (32 bits: tags only need to differ between views of one version).</summary>
    private const int HashDigits = 8;

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static string Of(long version) => "\"" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    /// <summary>The tag of one representation: <c>"version-hash"</c>, the hash the first hex digits of SHA-256 of <paramref name="body"/>.</summary>
    public static string Of(long version, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return "\"" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-"
            + Convert.ToHexStringLower(hash[..(HashDigits / 2)]) + "\"";
    }

    /// <summary>
    /// The version an <c>If-Match</c> header names: <c>"7"</c> or a representation's tag <c>"7-3fa9c2d1"</c> (only the
    /// version is compared: a command acts on the case, whichever view of it the client read). Exactly one strong tag is
    /// accepted; no header is 428, a weak tag 412 (If-Match compares strongly, RFC 9110 §13.1.1: a weak tag never
    /// matches), <c>*</c>, a list or a tag that is not a version 400.
    /// </summary>
    public static long IfMatch(HttpRequest request, out Microsoft.AspNetCore.Mvc.ProblemDetails? problem)
    {
        problem = null;
        var header = request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(header))
        {
            problem = ComplaintProblems.Problem(StatusCodes.Status428PreconditionRequired, ComplaintProblemTypes.PreconditionRequired,
                "A command needs If-Match.", "Send the case's current ETag in If-Match (GET the case to read it), so a command is never based on a version someone else has changed.");
            return 0;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count != 1 || tags[0].Equals(EntityTagHeaderValue.Any))
        {
            problem = ComplaintProblems.Problem(StatusCodes.Status400BadRequest, ComplaintProblemTypes.InvalidIfMatch,
                "If-Match must be one entity tag.", $"If-Match must be exactly one strong entity tag naming the case's version, e.g. \"7\" or \"7-3fa9c2d1\" with the quotes (got {header}).");
            return 0;
        }

        var tag = tags[0];
        if (tag.IsWeak)
        {
            problem = ComplaintProblems.Problem(StatusCodes.Status412PreconditionFailed, ComplaintProblemTypes.PreconditionFailed,
                "A weak entity tag never matches.", "If-Match compares entity tags strongly (RFC 9110 §13.1.1), so a weak tag (W/\"7\") never matches: send the ETag as the case's GET gave it.");
            return 0;
        }

        if (VersionOf(tag.Tag.AsSpan(1, tag.Tag.Length - 2)) is not { } version)
        {
            problem = ComplaintProblems.Problem(StatusCodes.Status400BadRequest, ComplaintProblemTypes.InvalidIfMatch,
                "If-Match must name a version.", $"The complaint endpoints' entity tags start with the case's version, e.g. \"7\" or \"7-3fa9c2d1\" (got {tag.Tag}).");
            return 0;
        }

        return version;
    }

    /// <summary>Whether <c>If-None-Match</c> matches the representation's whole tag (weak comparison, RFC 9110 §13.1.2): then the answer is 304.</summary>
    public static bool NoneMatchHits(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (StringValues.IsNullOrEmpty(header) || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>The version of an opaque tag <c>7</c> or <c>7-3fa9c2d1</c> (lower-case hex after the dash); none if it is neither.</summary>
    private static long? VersionOf(ReadOnlySpan<char> opaque)
    {
        var dash = opaque.IndexOf('-');
        if (dash >= 0)
        {
            var hash = opaque[(dash + 1)..];
            if (hash.IsEmpty || hash.ContainsAnyExcept(LowerHex))
            {
                return null;
            }

            opaque = opaque[..dash];
        }

        return long.TryParse(opaque, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
    }
}
