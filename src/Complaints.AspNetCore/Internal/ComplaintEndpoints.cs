using System.Text.Json;
using Complaints.Commands;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Complaints.AspNetCore.Internal;

/// <summary>The handlers <c>MapComplaints</c> maps. Errors are thrown and answered by the group's problem filter.</summary>
internal static class ComplaintEndpoints
{
    public static async Task<Created<CommandResult>> ReceiveAsync(
        ComplaintIntake intake, HttpContext context, [FromServices] ComplaintService service, CancellationToken cancellationToken)
    {
        var result = await service.ReceiveAsync(ActorOf(context), intake, cancellationToken).ConfigureAwait(false);
        context.Response.Headers.ETag = ETags.Of(result.Complaint.Version);
        var path = (context.Request.PathBase + context.Request.Path).Value!.TrimEnd('/');
        return TypedResults.Created($"{path}/{result.Complaint.Id}", result);
    }

    /// <summary>Issues a command. The body is read here (<see cref="CommandBody"/>), not bound, so a missing or unknown <c>$type</c> is a 400 that says which commands there are.</summary>
    public static async Task<Results<Ok<CommandResult>, ProblemHttpResult, StatusCodeHttpResult>> ExecuteAsync(
        Guid id, HttpContext context, [FromServices] ComplaintService service, CancellationToken cancellationToken)
    {
        var actor = ActorOf(context);
        var expected = ETags.IfMatch(context.Request, out var problem);
        if (problem is not null)
        {
            return TypedResults.Problem(problem);
        }

        if (await CommandBody.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false) is not { } command)
        {
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var result = await service.ExecuteAsync(new ComplaintId(id), actor, command, expected, cancellationToken).ConfigureAwait(false);
        context.Response.Headers.ETag = ETags.Of(result.Complaint.Version);
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// Reads a case as the caller may see it. The body is serialized here so that its <c>ETag</c> can name these exact
    /// bytes (<see cref="ETags.Of(long, ReadOnlySpan{byte})"/>): readers with different views never share a tag.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> GetAsync(
        Guid id, HttpContext context, [FromServices] ComplaintService service, [FromServices] IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var complaint = await service.GetAsync(new ComplaintId(id), ActorOf(context), cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.SerializeToUtf8Bytes(complaint, json.Value.SerializerOptions.GetTypeInfo(typeof(Complaint)));
        var etag = ETags.Of(complaint.Version, body);
        context.Response.Headers.ETag = etag;
        return ETags.NoneMatchHits(context.Request, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    public static async Task<Ok<IReadOnlyList<JournalEntry>>> GetJournalAsync(
        Guid id, HttpContext context, [FromServices] ComplaintService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetJournalAsync(new ComplaintId(id), ActorOf(context), cancellationToken).ConfigureAwait(false));

    public static async Task<Ok<IReadOnlyList<ComplaintAction>>> GetAllowedActionsAsync(
        Guid id, HttpContext context, [FromServices] ComplaintService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetAllowedActionsAsync(new ComplaintId(id), ActorOf(context), cancellationToken).ConfigureAwait(false));

    public static async Task<Ok<IReadOnlyList<OutboxMessage>>> GetOutboxAsync(
        Guid id, HttpContext context, [FromServices] ComplaintService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetOutboxAsync(new ComplaintId(id), ActorOf(context), cancellationToken).ConfigureAwait(false));

    public static async Task<Ok<DeskPage>> GetDeskAsync(
        int? skip, int? take, HttpContext context, [FromServices] ComplaintService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.GetDeskAsync(ActorOf(context), skip ?? 0, take ?? 50, cancellationToken).ConfigureAwait(false));

    /// <summary>The actor the request acts as; none is a 401.</summary>
    private static Actor ActorOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<IComplaintActorMapper>().Map(context.User) ?? throw new ActorRequiredException();
}
