using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Complaints.AspNetCore.Internal;

/// <summary>
/// Answers the library's errors that reach <c>UseExceptionHandler</c> with their problem details — for the endpoints
/// <c>MapComplaints</c> maps, and for a host's own endpoint when the request asks for JSON (an <c>Accept</c> of
/// <c>application/json</c>, <c>application/problem+json</c> or another <c>+json</c> type, or none). A page request
/// (<c>Accept: text/html</c>, <c>*/*</c>) is left to the host's own handler (<c>UseExceptionHandler("/Error")</c>).
/// </summary>
internal sealed class ComplaintsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Answers(httpContext) || ComplaintProblems.For(exception, httpContext) is not { } problem)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }).ConfigureAwait(false);
    }

    /// <summary>Whether the failed request is one of <c>MapComplaints</c>' or wants JSON.</summary>
    private static bool Answers(HttpContext context)
    {
        // UseExceptionHandler clears the endpoint before it calls the handlers; the feature keeps the one that failed.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<ComplaintsEndpointMetadata>() is not null)
        {
            return true;
        }

        var accept = context.Request.Headers.Accept;
        if (accept.Count == 0)
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParseList(accept, out var types)
            && types.Any(t => t.Quality is not 0
                && (t.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                    || t.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));
    }
}
