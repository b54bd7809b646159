namespace Complaints.AspNetCore;

/// <summary>
/// The <c>type</c> of every problem (RFC 9457) the complaint endpoints answer with: a stable URI per error, each
/// documented under its anchor in docs/aspnetcore.md. Clients branch on these, never on <c>title</c> or <c>detail</c>.
/// </summary>
public static class ComplaintProblemTypes
{
    /// <summary>Where the types are documented; each type is this followed by its anchor.</summary>
    public const string Base = "https://github.com/complaints-dotnet/complaints/blob/main/docs/aspnetcore.md#";

    /// <summary>400: the input is invalid; <c>errors</c> holds the messages keyed by field (<see cref="ComplaintValidationException"/>).</summary>
    public const string Validation = Base + "validation";

    /// <summary>400: the <c>If-Match</c> header is not one strong entity tag naming a version (<c>"7"</c>).</summary>
    public const string InvalidIfMatch = Base + "invalid-if-match";

    /// <summary>401: the request has no signed-in user, or the actor mapper could not make an actor of them.</summary>
    public const string Unauthenticated = Base + "unauthenticated";

    /// <summary>403: the actor may not do this, or may not see this case (<see cref="NotPermittedException"/>).</summary>
    public const string NotPermitted = Base + "not-permitted";

    /// <summary>403: the chosen person has a conflict of interest on the case (<see cref="RecusalRequiredException"/>).</summary>
    public const string RecusalRequired = Base + "recusal-required";

    /// <summary>404: no such case (or corrective action).</summary>
    public const string NotFound = Base + "not-found";

    /// <summary>409: the case's state does not allow the command now; <c>allowed</c> lists what is (<see cref="InvalidTransitionException"/>).</summary>
    public const string InvalidTransition = Base + "invalid-transition";

    /// <summary>409: someone else changed the case first (no <c>If-Match</c> was given); <c>currentVersion</c> and the <c>ETag</c> header give the version to retry on.</summary>
    public const string ConcurrencyConflict = Base + "concurrency-conflict";

    /// <summary>412: the <c>If-Match</c> version is not the case's current one (or is a weak tag); <c>currentVersion</c> and the <c>ETag</c> header give it.</summary>
    public const string PreconditionFailed = Base + "precondition-failed";

    /// <summary>428: a command was sent without <c>If-Match</c>; read the case (its <c>ETag</c>) and send the command with it.</summary>
    public const string PreconditionRequired = Base + "precondition-required";

    /// <summary>500: the case is stored but cannot be read (<see cref="UnreadableCaseException"/>).</summary>
    public const string UnreadableCase = Base + "unreadable-case";

    /// <summary>500: the host's configuration cannot decide this case (a policy pack or calendar it needs is not loaded, or out of range).</summary>
    public const string Configuration = Base + "configuration";

    /// <summary>500: another error of the complaint library.</summary>
    public const string Error = Base + "error";
}
