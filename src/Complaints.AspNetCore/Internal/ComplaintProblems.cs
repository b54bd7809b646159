using System.Text.Json;
using Complaints.Improvement;
using Complaints.Workflow;
using Complaints.Workflow.Calendars;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Complaints.AspNetCore.Internal;

/// <summary>
/// The one mapping from the library's errors to problem details (RFC 9457), used by the endpoints' filter and by the
/// exception handler. A 4xx problem's <c>detail</c> is the exception's message, which never names the complainant; a
/// 5xx problem says only what kind of fault it is (the message is for the host's logs).
/// </summary>
internal static class ComplaintProblems
{
    /// <summary>The problem for <paramref name="error"/>, or <see langword="null"/> if it is none of the library's.</summary>
    public static ProblemDetails? For(Exception error, HttpContext context)
    {
        switch (error)
        {
            case ComplaintValidationException e:
                var errors = e.Errors.GroupBy(x => x.Field, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray(), StringComparer.Ordinal);
                return new HttpValidationProblemDetails(errors)
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = ComplaintProblemTypes.Validation,
                    Title = "The input is invalid.",
                    Detail = e.Message,
                };
            case ActorRequiredException e:
                return Problem(StatusCodes.Status401Unauthorized, ComplaintProblemTypes.Unauthenticated, "Sign in to use the complaint endpoints.", e.Message);
            case NotPermittedException or CorrectiveActionNotPermittedException:
                return Problem(StatusCodes.Status403Forbidden, ComplaintProblemTypes.NotPermitted, "Not permitted.", error.Message);
            case RecusalRequiredException e:
                var recusal = Problem(StatusCodes.Status403Forbidden, ComplaintProblemTypes.RecusalRequired, "A conflict of interest requires recusal.", e.Message);
                recusal.Extensions["person"] = e.Person.Value;
                recusal.Extensions["rules"] = e.Rules.ToArray();
                return recusal;
            case ComplaintNotFoundException or CorrectiveActionNotFoundException:
                return Problem(StatusCodes.Status404NotFound, ComplaintProblemTypes.NotFound, "Not found.", error.Message);
            case InvalidTransitionException e:
                var transition = Problem(StatusCodes.Status409Conflict, ComplaintProblemTypes.InvalidTransition, "The case's state does not allow this now.", e.Message);
                transition.Extensions["state"] = Kebab(e.State.ToString());
                transition.Extensions["action"] = Kebab(e.Action.ToString());
                transition.Extensions["allowed"] = e.Allowed.Select(a => Kebab(a.ToString())).ToArray();
                transition.Extensions["unmetConditions"] = e.UnmetConditions.ToArray();
                return transition;
            case CorrectiveActionTransitionException e:
                var action = Problem(StatusCodes.Status409Conflict, ComplaintProblemTypes.InvalidTransition, "The corrective action's state does not allow this now.", e.Message);
                action.Extensions["allowed"] = e.Allowed.Select(a => Kebab(a.ToString())).ToArray();
                return action;
            case ConcurrencyException e:
                return Stale(context, e.ActualVersion, e.Message);
            case CorrectiveActionConcurrencyException e:
                return Stale(context, e.ActualVersion, e.Message);
            case UnreadableCaseException:
                return Problem(StatusCodes.Status500InternalServerError, ComplaintProblemTypes.UnreadableCase, "The case is stored but cannot be read.", null);
            case PolicyVersionNotLoadedException or PolicySelectionException or BusinessCalendarException or UnknownCalendarException:
                return Problem(StatusCodes.Status500InternalServerError, ComplaintProblemTypes.Configuration, "The service's configuration cannot decide this case.", null);
            case ComplaintException:
                return Problem(StatusCodes.Status500InternalServerError, ComplaintProblemTypes.Error, "The complaint service failed.", null);
            default:
                return null;
        }
    }

    /// <summary>A conditional request (If-Match) whose version is stale: 412 (RFC 9110 §13.1.1); without If-Match, a conflict: 409.</summary>
    public static ProblemDetails Stale(HttpContext context, long current, string detail)
    {
        var conditional = context.Request.Headers.IfMatch.Count > 0;
        var problem = conditional
            ? Problem(StatusCodes.Status412PreconditionFailed, ComplaintProblemTypes.PreconditionFailed, "The case has changed since the version in If-Match.", detail)
            : Problem(StatusCodes.Status409Conflict, ComplaintProblemTypes.ConcurrencyConflict, "Someone else changed the case first.", detail);
        problem.Extensions["currentVersion"] = current;
        context.Response.Headers.ETag = ETags.Of(current);
        return problem;
    }

    public static ProblemDetails Problem(int status, string type, string title, string? detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}

/// <summary>The request has no user the actor mapper can make an actor of.</summary>
internal sealed class ActorRequiredException() : Exception("The request has no signed-in user the complaint endpoints can act as (an id claim is needed). Sign in, or check the claim types the actor mapper reads.");
