using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Complaints.AspNetCore;
using Complaints.Testing;
using FluentAssertions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>README.md and docs/aspnetcore.md: the lines a host adds, and a client issuing a command over HTTP.</summary>
public sealed class AspNetCoreHost
{
    [Fact]
    public async Task A_host_puts_the_workflow_behind_http_in_three_lines()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        builder.Services.AddAuthentication("Demo").AddScheme<AuthenticationSchemeOptions, DemoSignIn>("Demo", null);
        #region aspnetcore-host
        builder.Services.AddComplaints().UsePack("generic");
        builder.Services.AddComplaintsEndpoints();
        var app = builder.Build();
        app.MapComplaints("/complaints");           // .RequireAuthorization() and the like on the group it returns
        #endregion
        await using var _ = app;
        await app.StartAsync();
        var http = app.GetTestClient();
        http.DefaultRequestHeaders.Add("X-Demo-User", "coordinator");

        using var received = await http.PostAsync("/complaints", JsonContent.Create(A.Complaint().BuildIntake(), ComplaintsJson.TypeInfo<ComplaintIntake>()));
        received.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = JsonNode.Parse(await received.Content.ReadAsStringAsync())!["complaint"]!["id"]!.GetValue<string>();

        #region aspnetcore-command
        using var read = await http.GetAsync($"/complaints/{id}");      // ETag: "1-<hash>", the version and this view
        using var command = new HttpRequestMessage(HttpMethod.Post, $"/complaints/{id}/commands")
        {
            Content = new StringContent("""{ "$type": "triage" }""", System.Text.Encoding.UTF8, "application/json"),
        };
        command.Headers.IfMatch.Add(read.Headers.ETag!);                  // required: 428 without, 412 if stale
        using var triaged = await http.SendAsync(command);               // 200, ETag: "2"
        #endregion

        triaged.StatusCode.Should().Be(HttpStatusCode.OK, await triaged.Content.ReadAsStringAsync());
        triaged.Headers.ETag!.Tag.Should().Be("\"2\"");
        using var again = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/complaints/{id}/commands")
        {
            Content = new StringContent("""{ "$type": "triage" }""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { IfMatch = { read.Headers.ETag! } },
        });
        again.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public void The_claim_types_the_actor_comes_from_can_be_changed()
    {
        var services = new ServiceCollection();
        #region aspnetcore-claims
        services.AddComplaintsEndpoints(claims =>
        {
            claims.IdClaimTypes.Insert(0, "employee_id");             // tried first, then NameIdentifier, then "sub"
            claims.DepartmentClaimType = "ou";
        });
        // or your own IComplaintActorMapper, registered before (it is kept) — e.g. to look the person up
        #endregion
        using var provider = services.AddLogging().BuildServiceProvider();
        var mapper = provider.GetRequiredService<IComplaintActorMapper>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("employee_id", "E17"), new Claim(ClaimTypes.Name, "Chen"), new Claim(ClaimTypes.Role, "coordinator"), new Claim("ou", "customer-service")], "Demo"));

        var actor = mapper.Map(user)!;
        actor.Id.Should().Be(new ActorId("E17"));
        actor.Name.Should().Be("Chen");
        actor.Roles.Should().Equal("coordinator");
        actor.Department.Should().Be(new DepartmentId("customer-service"));
        mapper.Map(new ClaimsPrincipal(new ClaimsIdentity())).Should().BeNull("an anonymous user is no actor: 401");
    }

    /// <summary>Signs the request in as the coordinator its header names (a host uses its own authentication).</summary>
    private sealed class DemoSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers.TryGetValue("X-Demo-User", out var id)
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Role, ComplaintRoles.Coordinator), new Claim("department", "customer-service")], "Demo")), "Demo"))
                : AuthenticateResult.NoResult());
    }
}
