using System.Net;
using System.Text.Json.Nodes;
using Complaints.AspNetCore.Tests.Support;
using Complaints.Commands;
using Complaints.Improvement;
using Complaints.Policy;
using Complaints.Testing;
using Complaints.Workflow;
using static Complaints.AspNetCore.Tests.EndpointTests;

namespace Complaints.AspNetCore.Tests;

/// <summary>Every library error as RFC 9457 problem details with its documented type; none names the complainant.</summary>
public sealed class ProblemTests
{
    private static readonly Actor Outsider = new ActorBuilder("out").Named("Warehouse clerk").InDepartment("warehouse").Build();

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await Api.BodyAsync(response);
        problem["type"]!.GetValue<string>().Should().Be(type);
        problem["status"]!.GetValue<int>().Should().Be((int)status);
        problem["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        text.Should().NotContain("Liu Yang").And.NotContain("liu.yang@example.com").And.NotContain("138 0000", "problem details never carry the complainant's identity");
        return problem;
    }

    [Fact]
    public async Task InvalidIntake_Is400_WithTheErrorsKeyedByField()
    {
        await using var api = await Api.StartAsync();
        var intake = Intake() with { Description = "" };
        var expected = (await FluentActions.Awaiting(() => api.Harness.Service.ReceiveAsync(Receiver, intake))
            .Should().ThrowAsync<ComplaintValidationException>()).Which.Errors;

        using var response = await api.As(Receiver).PostAsync(Api.Prefix, Api.Json(intake));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, ComplaintProblemTypes.Validation);
        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo(expected.Select(e => e.Field).Distinct());
        foreach (var error in expected)
        {
            errors[error.Field]!.AsArray().Select(m => m!.GetValue<string>()).Should().Contain(error.Message);
        }
    }

    [Fact]
    public async Task InvalidCommand_Is400_WithTheErrorsKeyedByField()
    {
        await using var api = await Api.StartAsync();
        var (id, etag) = await api.ReceiveAsync(Receiver, Intake());

        using var response = await api.CommandAsync(Coordinator, id, """{"$type":"reject","reason":""}""", etag.ToString());

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, ComplaintProblemTypes.Validation);
        problem["errors"]!.AsObject().Should().NotBeEmpty();
        (await api.Harness.StoredAsync(id)).Version.Should().Be(1, "the stored case is unchanged");
    }

    [Fact]
    public async Task UnknownCase_Is404()
    {
        await using var api = await Api.StartAsync();

        using var response = await api.As(Coordinator).GetAsync($"{Api.Prefix}/{Guid.CreateVersion7()}");

        await ProblemAsync(response, HttpStatusCode.NotFound, ComplaintProblemTypes.NotFound);
    }

    [Fact]
    public async Task ACaseTheActorMayNotSee_Is403()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());

        using var response = await api.As(Outsider).GetAsync($"{Api.Prefix}/{id}/journal");

        await ProblemAsync(response, HttpStatusCode.Forbidden, ComplaintProblemTypes.NotPermitted);
    }

    [Fact]
    public async Task AssigningTheAccused_Is403_RecusalRequired()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());
        var triaged = await api.Harness.TriageAsync(id, Coordinator);
        var handler = System.Text.Json.JsonSerializer.Serialize(Accused, ComplaintsJson.Options);

        using var response = await api.CommandAsync(Coordinator, id, $$"""{"$type":"assign","handler":{{handler}}}""", $"\"{triaged.Complaint.Version}\"");

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden, ComplaintProblemTypes.RecusalRequired);
        problem["person"]!.GetValue<string>().Should().Be("wang");
    }

    [Fact]
    public async Task ACommandTheStateDoesNotAllow_Is409_WithTheAllowedActions()
    {
        await using var api = await Api.StartAsync();
        var (id, etag) = await api.ReceiveAsync(Receiver, Intake());

        using var response = await api.CommandAsync(Coordinator, id, """{"$type":"close","summary":"Done."}""", etag.ToString());

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict, ComplaintProblemTypes.InvalidTransition);
        problem["state"]!.GetValue<string>().Should().Be("received");
        problem["action"]!.GetValue<string>().Should().Be("close");
        problem["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Contain("triage");
    }

    [Fact]
    public async Task AStaleIfMatch_Is412_WithTheCurrentVersion()
    {
        await using var api = await Api.StartAsync();
        var (id, etag) = await api.ReceiveAsync(Receiver, Intake());
        await api.Harness.TriageAsync(id, Coordinator);

        using var response = await api.CommandAsync(Coordinator, id, """{"$type":"reject","reason":"Out of scope."}""", etag.ToString());

        var problem = await ProblemAsync(response, HttpStatusCode.PreconditionFailed, ComplaintProblemTypes.PreconditionFailed);
        problem["currentVersion"]!.GetValue<long>().Should().Be(2);
        response.Headers.ETag!.Tag.Should().Be("\"2\"", "the version to retry on");
        (await api.Harness.StoredAsync(id)).State.Should().Be(ComplaintState.Triaged);
    }

    [Fact]
    public async Task IfMatch_TakesTheVersionOrTheGetsTag_ComparingTheVersionOnly()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());
        using var read = await api.As(Coordinator).GetAsync($"{Api.Prefix}/{id}");
        read.Headers.ETag!.Tag.Should().MatchRegex("^\"1-[0-9a-f]{8}\"$");

        using var triaged = await api.CommandAsync(Coordinator, id, """{"$type":"triage"}""", read.Headers.ETag.ToString());
        triaged.StatusCode.Should().Be(HttpStatusCode.OK, await triaged.Content.ReadAsStringAsync());
        triaged.Headers.ETag!.Tag.Should().Be("\"2\"");

        // (The version-only form, "2", is what a command's answer carries: EndpointTests use it for each next command.)
        // Another reader's view of version 2 (the accused's hash) is accepted too: the version is what is compared.
        using var accusedRead = await api.As(Accused).GetAsync($"{Api.Prefix}/{id}");
        accusedRead.Headers.ETag!.Tag.Should().StartWith("\"2-");
        var assign = $$"""{"$type":"assign","handler":{{System.Text.Json.JsonSerializer.Serialize(Handler, ComplaintsJson.Options)}}}""";
        using var stale = await api.CommandAsync(Coordinator, id, assign, read.Headers.ETag.ToString());
        await ProblemAsync(stale, HttpStatusCode.PreconditionFailed, ComplaintProblemTypes.PreconditionFailed);

        using var assigned = await api.CommandAsync(Coordinator, id, assign, accusedRead.Headers.ETag.ToString());
        assigned.StatusCode.Should().Be(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        (await api.Harness.StoredAsync(id)).Version.Should().Be(3);
    }

    [Fact]
    public async Task ACommandWithoutIfMatch_Is428()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());

        using var response = await api.CommandAsync(Coordinator, id, """{"$type":"triage"}""", ifMatch: null);

        await ProblemAsync(response, HttpStatusCode.PreconditionRequired, ComplaintProblemTypes.PreconditionRequired);
        (await api.Harness.StoredAsync(id)).Version.Should().Be(1);
    }

    [Theory]
    [InlineData("W/\"1\"", HttpStatusCode.PreconditionFailed, ComplaintProblemTypes.PreconditionFailed)]
    [InlineData("*", HttpStatusCode.BadRequest, ComplaintProblemTypes.InvalidIfMatch)]
    [InlineData("\"1\", \"2\"", HttpStatusCode.BadRequest, ComplaintProblemTypes.InvalidIfMatch)]
    [InlineData("\"seven\"", HttpStatusCode.BadRequest, ComplaintProblemTypes.InvalidIfMatch)]
    [InlineData("1", HttpStatusCode.BadRequest, ComplaintProblemTypes.InvalidIfMatch)]
    [InlineData("\"1-\"", HttpStatusCode.BadRequest, ComplaintProblemTypes.InvalidIfMatch)]
    [InlineData("\"1-xyz\"", HttpStatusCode.BadRequest, ComplaintProblemTypes.InvalidIfMatch)]
    [InlineData("\"-3fa9c2d1\"", HttpStatusCode.BadRequest, ComplaintProblemTypes.InvalidIfMatch)]
    public async Task AnIfMatchThatIsNotOneStrongVersionTag_IsRefused(string ifMatch, HttpStatusCode status, string type)
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());

        using var response = await api.CommandAsync(Coordinator, id, """{"$type":"triage"}""", ifMatch);

        await ProblemAsync(response, status, type);
        (await api.Harness.StoredAsync(id)).Version.Should().Be(1);
    }

    [Fact]
    public async Task NoSignedInUser_Is401()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());

        using var read = await api.As(null).GetAsync($"{Api.Prefix}/{id}");
        using var receive = await api.As(null).PostAsync(Api.Prefix, Api.Json(Intake()));

        await ProblemAsync(read, HttpStatusCode.Unauthorized, ComplaintProblemTypes.Unauthenticated);
        await ProblemAsync(receive, HttpStatusCode.Unauthorized, ComplaintProblemTypes.Unauthenticated);
        api.Harness.Store.Count.Should().Be(1);
    }

    [Theory]
    [InlineData("""{"$type":"launch-rocket"}""", "$type", "unknown command 'launch-rocket'; known: ")]
    [InlineData("""{"reason":"Out of scope."}""", "$type", "is required")]
    [InlineData("""{"$type":7}""", "$type", "is required")]
    [InlineData("""{"$type":"reject","reason":""", "body", "is not valid JSON")]
    [InlineData("""[{"$type":"triage"}]""", "body", "must be a JSON object")]
    [InlineData("""{"$type":"reject","reason":42}""", "body", "does not have the shape of the command 'reject' at $.reason")]
    [InlineData("", "body", "is required")]
    public async Task ACommandBodyWithoutAKnownTypeOrNotJson_Is400_NamingTheFieldAndTheKnownCommands(string json, string field, string message)
    {
        await using var api = await Api.StartAsync();
        var (id, etag) = await api.ReceiveAsync(Receiver, Intake());

        using var response = await api.CommandAsync(Coordinator, id, json, etag.ToString());

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, ComplaintProblemTypes.Validation);
        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().Equal(field);
        var said = errors[field]!.AsArray().Single()!.GetValue<string>();
        said.Should().Contain(message);
        if (field == "$type")
        {
            said.Should().Contain("triage").And.Contain("assign").And.Contain("release-hold", "the problem lists the commands there are");
        }

        (await api.Harness.StoredAsync(id)).Version.Should().Be(1);
    }

    [Fact]
    public async Task ACommandThatIsNotJson_Is415()
    {
        await using var api = await Api.StartAsync();
        var (id, etag) = await api.ReceiveAsync(Receiver, Intake());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Api.Prefix}/{id}/commands")
        {
            Content = new StringContent("""{"$type":"triage"}""", System.Text.Encoding.UTF8, "text/plain"),
            Headers = { IfMatch = { etag } },
        };

        using var response = await api.As(Coordinator).SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, "a cross-site form or text/plain post never reaches the service");
        (await api.Harness.StoredAsync(id)).Version.Should().Be(1);
    }

    public static TheoryData<string, int, string> HostErrors => new()
    {
        { nameof(ConcurrencyException), 409, ComplaintProblemTypes.ConcurrencyConflict },
        { nameof(ComplaintNotFoundException), 404, ComplaintProblemTypes.NotFound },
        { nameof(NotPermittedException), 403, ComplaintProblemTypes.NotPermitted },
        { nameof(CorrectiveActionNotFoundException), 404, ComplaintProblemTypes.NotFound },
        { nameof(CorrectiveActionNotPermittedException), 403, ComplaintProblemTypes.NotPermitted },
        { nameof(CorrectiveActionTransitionException), 409, ComplaintProblemTypes.InvalidTransition },
        { nameof(CorrectiveActionConcurrencyException), 409, ComplaintProblemTypes.ConcurrencyConflict },
        { nameof(UnreadableCaseException), 500, ComplaintProblemTypes.UnreadableCase },
        { nameof(PolicyVersionNotLoadedException), 500, ComplaintProblemTypes.Configuration },
        { nameof(PolicySelectionException), 500, ComplaintProblemTypes.Configuration },
        { nameof(Workflow.Calendars.UnknownCalendarException), 500, ComplaintProblemTypes.Configuration },
        { nameof(Workflow.Calendars.BusinessCalendarException), 500, ComplaintProblemTypes.Configuration },
        { nameof(Rules.PolicyPackException), 500, ComplaintProblemTypes.Error },
    };

    [Theory]
    [MemberData(nameof(HostErrors))]
    public async Task ALibraryErrorFromTheHostsOwnEndpoint_IsMappedByTheExceptionHandler(string error, int status, string type)
    {
        await using var api = await Api.StartAsync();
        var id = ComplaintId.New(ComplaintBuilder.DefaultReceivedAt);
        var action = new CorrectiveActionId(Guid.CreateVersion7());
        Exception thrown = error switch
        {
            nameof(ConcurrencyException) => new ConcurrencyException(id, 3, 4),
            nameof(ComplaintNotFoundException) => new ComplaintNotFoundException(id),
            nameof(NotPermittedException) => new NotPermittedException(id, new ActorId("x"), ComplaintAction.Close, "no."),
            nameof(CorrectiveActionNotFoundException) => new CorrectiveActionNotFoundException(action),
            nameof(CorrectiveActionNotPermittedException) => new CorrectiveActionNotPermittedException(action, new ActorId("x"), default, "no."),
            nameof(CorrectiveActionTransitionException) => new CorrectiveActionTransitionException(action, default, default, []),
            nameof(CorrectiveActionConcurrencyException) => new CorrectiveActionConcurrencyException(action, 3, 4),
            nameof(UnreadableCaseException) => new UnreadableCaseException(id, new FormatException("Liu Yang's record is damaged")),
            nameof(PolicyVersionNotLoadedException) => new PolicyVersionNotLoadedException(id, new PolicyRef("generic", "9.0.0"), []),
            nameof(PolicySelectionException) => new PolicySelectionException("the selector failed", "x", []),
            nameof(Workflow.Calendars.UnknownCalendarException) => new Workflow.Calendars.UnknownCalendarException("mars", []),
            nameof(Workflow.Calendars.BusinessCalendarException) => new Workflow.Calendars.BusinessCalendarException("cn", new DateOnly(2040, 1, 1), new DateOnly(2020, 1, 1), new DateOnly(2027, 12, 31)),
            _ => new Rules.PolicyPackException([]),
        };

        using var response = await api.HostFailsWithAsync(thrown);

        var problem = await ProblemAsync(response, (HttpStatusCode)status, type);
        if (type == ComplaintProblemTypes.ConcurrencyConflict)
        {
            // (UseExceptionHandler strips ETag from its responses; the endpoints' own 412 carries it too.)
            problem["currentVersion"]!.GetValue<long>().Should().Be(4, "the version to retry on");
        }

        if (status == 500)
        {
            problem["detail"].Should().BeNull("a server fault's message is for the host's logs, not the client");
        }
    }
}
