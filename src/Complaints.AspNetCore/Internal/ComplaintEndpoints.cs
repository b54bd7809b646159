using Complaints.Commands;
using Complaints.Journal;
using Complaints.Notifications;
using Complaints.Ports;
using Complaints.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

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

    public static async Task<Results<Ok<CommandResult>, ProblemHttpResult>> ExecuteAsync(
        Guid id, ComplaintCommand command, HttpContext context, [FromServices] ComplaintService service, CancellationToken cancellationToken)
    {
        var actor = ActorOf(context);
        var expected = ETags.IfMatch(context.Request, out var problem);
        if (problem is not null)
        {
            return TypedResults.Problem(problem);
        }

        var result = await service.ExecuteAsync(new ComplaintId(id), actor, command, expected, cancellationToken).ConfigureAwait(false);
        context.Response.Headers.ETag = ETags.Of(result.Complaint.Version);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<Complaint>, StatusCodeHttpResult>> GetAsync(
        Guid id, HttpContext context, [FromServices] ComplaintService service, CancellationToken cancellationToken)
    {
        var complaint = await service.GetAsync(new ComplaintId(id), ActorOf(context), cancellationToken).ConfigureAwait(false);
        context.Response.Headers.ETag = ETags.Of(complaint.Version);
        return ETags.NoneMatchHits(context.Request, complaint.Version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(complaint);
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
