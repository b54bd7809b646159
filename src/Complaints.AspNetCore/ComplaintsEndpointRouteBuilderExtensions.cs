using Complaints;
using Complaints.Commands;
using Complaints.AspNetCore;
using Complaints.AspNetCore.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

#pragma warning disable IDE0130 // Endpoint mapping lives in the routing namespace by convention.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps the complaint workflow's HTTP endpoints.</summary>
public static class ComplaintsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the complaint endpoints under <paramref name="prefix"/> (docs/aspnetcore.md): <c>POST /</c> receives a
    /// case, <c>POST /{id}/commands</c> issues a command (<c>If-Match</c> required), <c>GET /{id}</c> reads the case
    /// (<c>ETag</c>, <c>If-None-Match</c>), <c>GET /{id}/journal</c>, <c>/{id}/actions</c> and <c>/{id}/outbox</c> read
    /// its journal, the actions allowed now and its notifications; <c>GET /desk?skip=&amp;take=</c> is the caller's desk. Every call acts as the actor
    /// <see cref="IComplaintActorMapper"/> makes of the signed-in user; every library error is answered with problem details.
    /// Every answer is <c>Cache-Control: private, no-cache</c> with <c>Vary: Authorization, Cookie</c>: what a reader
    /// sees depends on who reads, so the case's <c>ETag</c> names the view (<c>"7-3fa9c2d1"</c>), not only the version.
    /// Needs <c>services.AddComplaints()</c> and <c>services.AddComplaintsEndpoints()</c>.
    /// </summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="prefix">The route prefix, e.g. <c>/complaints</c>.</param>
    /// <returns>The group, for the host's conventions (<c>.RequireAuthorization()</c>, rate limiting, tags).</returns>
    public static RouteGroupBuilder MapComplaints(this IEndpointRouteBuilder endpoints, string prefix = "/complaints")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix);
        group.WithMetadata(ComplaintsEndpointMetadata.Instance);
        group.AddEndpointFilter(static async (context, next) =>
        {
            // Every answer carries case data for one reader: no shared cache keeps it, a browser revalidates it.
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = "private, no-cache";
            headers.Vary = "Authorization, Cookie";
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (ComplaintProblems.For(e, context.HttpContext) is { } problem)
            {
                return TypedResults.Problem(problem);
            }
        });
        group.WithTags("Complaints")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        group.MapPost("/", ComplaintEndpoints.ReceiveAsync)
            .WithName("ReceiveComplaint")
            .WithSummary("Receives a complaint; the answer holds the complainant's status reference and secret, shown this once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/{id:guid}/commands", ComplaintEndpoints.ExecuteAsync)
            .WithName("IssueComplaintCommand")
            .WithSummary("Issues a command on a case (\"$type\" names it); If-Match must carry the case's ETag (\"7\" or \"7-3fa9c2d1\": its version is compared).")
            .Accepts<ComplaintCommand>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        CaseRead(group.MapGet("/{id:guid}", ComplaintEndpoints.GetAsync), "GetComplaint",
                "Reads a case as the actor may see it; ETag is its version and a hash of this view (\"7-3fa9c2d1\"), If-None-Match answers 304.")
            .Produces<Complaint>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified);
        CaseRead(group.MapGet("/{id:guid}/journal", ComplaintEndpoints.GetJournalAsync), "GetComplaintJournal",
            "Reads a case's journal, each decision with its explanation, as the actor may see it.");
        CaseRead(group.MapGet("/{id:guid}/actions", ComplaintEndpoints.GetAllowedActionsAsync), "GetComplaintActions",
            "The actions the actor may take on the case now.");
        CaseRead(group.MapGet("/{id:guid}/outbox", ComplaintEndpoints.GetOutboxAsync), "GetComplaintOutbox",
            "The case's notifications and their delivery state, as the actor may see them.");

        group.MapGet("/desk", ComplaintEndpoints.GetDeskAsync)
            .WithName("GetComplaintDesk")
            .WithSummary("The actor's desk in one paged query (skip, take 1-1000, default 50): cases assigned to them, awaiting their approval or triage, overdue in their department; each with why it is there.")
            .ProducesValidationProblem();

        return group;
    }

    /// <summary>A read of one case: named, summarised, and answering 403 (not the caller's to see) or 404.</summary>
    private static RouteHandlerBuilder CaseRead(RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.WithName(name)
            .WithSummary(summary)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
