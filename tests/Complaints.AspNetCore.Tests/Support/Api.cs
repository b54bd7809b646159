using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Complaints.AspNetCore.Tests.Support;

/// <summary>
/// A web application in memory (TestServer) with the complaint endpoints over a harness's service (the generic pack,
/// the in-memory store, a fake clock), signing each request in as the actor a client was made for.
/// </summary>
internal sealed class Api : IAsyncDisposable
{
    public const string Prefix = "/complaints";

    private Api(WebApplication app, ComplaintsHarness harness)
    {
        App = app;
        Harness = harness;
    }

    public WebApplication App { get; }

    public ComplaintsHarness Harness { get; }

    public static async Task<Api> StartAsync(ComplaintsHarness? harness = null)
    {
        harness ??= ComplaintsHarness.ForPack("generic");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(harness.Service);
        builder.Services.AddAuthentication(TestSignIn.Name).AddScheme<AuthenticationSchemeOptions, TestSignIn>(TestSignIn.Name, null);
        builder.Services.AddComplaintsEndpoints();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<HostFailure>();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseAuthentication();
        // A host's own endpoint that lets a library error through, for the exception handler's mapping.
        app.MapGet("/host/fail", (HostFailure failure) => { throw failure.Error!; });
        app.MapComplaints(Prefix);
        app.MapOpenApi();
        await app.StartAsync();
        return new Api(app, harness);
    }

    /// <summary>A client whose requests are signed in as <paramref name="actor"/> (with the claim types the default mapper reads); none for <see langword="null"/>.</summary>
    public HttpClient As(Actor? actor)
    {
        var client = App.GetTestClient();
        if (actor is not null)
        {
            client.DefaultRequestHeaders.Add(TestSignIn.Header, JsonSerializer.Serialize(TestSignIn.ClaimsOf(actor)));
        }

        return client;
    }

    public static JsonContent Json<T>(T value) => JsonContent.Create(value, ComplaintsJson.TypeInfo<T>());

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)
        ?? throw new InvalidOperationException($"{(int)response.StatusCode}: the body is not a JSON object.");

    /// <summary>Receives a case over HTTP as <paramref name="receiver"/>; its id and ETag.</summary>
    public async Task<(ComplaintId Id, EntityTagHeaderValue ETag)> ReceiveAsync(Actor receiver, ComplaintIntake intake)
    {
        using var response = await As(receiver).PostAsync(Prefix, Json(intake));
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        return (ComplaintId.Parse(body["complaint"]!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), response.Headers.ETag!);
    }

    /// <summary>Posts a command as raw JSON with an If-Match (none for <see langword="null"/>).</summary>
    public async Task<HttpResponseMessage> CommandAsync(Actor actor, ComplaintId id, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/{id}/commands")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await As(actor).SendAsync(request);
    }

    /// <summary>Makes the host's own endpoint (<c>GET /host/fail</c>) throw <paramref name="error"/>; the response.</summary>
    public async Task<HttpResponseMessage> HostFailsWithAsync(Exception error)
    {
        App.Services.GetRequiredService<HostFailure>().Error = error;
        return await As(null).GetAsync("/host/fail");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

internal sealed class HostFailure
{
    public Exception? Error { get; set; }
}

/// <summary>Signs a request in with the claims in its <see cref="Header"/> (a JSON list of [type, value] pairs); no header, no user.</summary>
internal sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Test";
    public const string Header = "X-Test-Claims";

    public static string[][] ClaimsOf(Actor actor) =>
    [
        [ClaimTypes.NameIdentifier, actor.Id.Value],
        [ClaimTypes.Name, actor.Name],
        .. actor.Roles.Select(r => new[] { ClaimTypes.Role, r }),
        .. actor.Department is { } d ? [["department", d.Value]] : Array.Empty<string[]>(),
    ];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var pairs = JsonSerializer.Deserialize<string[][]>(value.ToString())!;
        var identity = new ClaimsIdentity(pairs.Select(p => new Claim(p[0], p[1])), Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
    }
}
