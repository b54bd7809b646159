using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Complaints.AspNetCore.Internal;

/// <summary>A case's entity tag is its version, quoted and strong: <c>"7"</c>.</summary>
internal static class ETags
{
    public static string Of(long version) => "\"" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The version an <c>If-Match</c> header names. Exactly one strong tag is accepted; no header is 428, a weak tag 412
    /// (If-Match compares strongly, RFC 9110 §13.1.1: a weak tag never matches), <c>*</c>, a list or a tag that is not a
    /// version 400 or 428 as below.
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
                "If-Match must be one entity tag.", $"If-Match must be exactly one strong entity tag naming the case's version, e.g. \"7\" with the quotes (got {header}).");
            return 0;
        }

        var tag = tags[0];
        if (tag.IsWeak)
        {
            problem = ComplaintProblems.Problem(StatusCodes.Status412PreconditionFailed, ComplaintProblemTypes.PreconditionFailed,
                "A weak entity tag never matches.", "If-Match compares entity tags strongly (RFC 9110 §13.1.1), so a weak tag (W/\"7\") never matches: send the ETag as the case's GET gave it.");
            return 0;
        }

        if (!long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            problem = ComplaintProblems.Problem(StatusCodes.Status400BadRequest, ComplaintProblemTypes.InvalidIfMatch,
                "If-Match must name a version.", $"The complaint endpoints' entity tags are the case's version, e.g. \"7\" (got {tag.Tag}).");
            return 0;
        }

        return version;
    }

    /// <summary>Whether <c>If-None-Match</c> matches the version (weak comparison, RFC 9110 §13.1.2): then the answer is 304.</summary>
    public static bool NoneMatchHits(HttpRequest request, long version)
    {
        var header = request.Headers.IfNoneMatch;
        if (StringValues.IsNullOrEmpty(header) || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(Of(version));
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
