using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.AspNetCore.Tests.Support;
using Complaints.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Complaints.AspNetCore.Tests;

/// <summary>What the package leaves to the host: its own types' JSON, its own error pages.</summary>
public sealed class HostTests
{
    /// <summary>A host's own type.</summary>
    public sealed record HostOrder(string Id, string? Note);

    [Fact]
    public async Task HttpJson_KeepsTheHostsNulls_AndOmitsTheLibrarysAsComplaintsJsonDoes()
    {
        await using var api = await Api.StartAsync();
        var json = api.App.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        JsonSerializer.Serialize(new HostOrder("o-1", null), json).Should().Be("""{"id":"o-1","note":null}""", "the host's own type is written as the host's settings say");
        json.AllowOutOfOrderMetadataProperties.Should().BeFalse("the host's reading of its own polymorphic types is unchanged");

        var complaint = A.Complaint().Build();
        complaint.Assignee.Should().BeNull();
        var written = JsonSerializer.Serialize(complaint, json);
        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(JsonSerializer.Serialize(complaint, ComplaintsJson.Options)))
            .Should().BeTrue("the library's types are written as ComplaintsJson.Options writes them (escaping aside): {0}", written);
        written.Should().NotContain("\"assignee\"");
    }

    [Fact]
    public async Task TheExceptionHandler_LeavesAHostsPageRequestToTheHostsErrorPage_AndAnswersJsonRequests()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddComplaintsEndpoints();
        await using var app = builder.Build();
        app.UseExceptionHandler("/error");
        app.MapGet("/page", () => { throw new ComplaintNotFoundException(ComplaintId.New(ComplaintBuilder.DefaultReceivedAt)); });
        app.Map("/error", () => Results.Content("<p>The host's error page</p>", "text/html"));
        await app.StartAsync();
        var client = app.GetTestClient();

        using var page = new HttpRequestMessage(HttpMethod.Get, "/page") { Headers = { { "Accept", "text/html,application/xhtml+xml,*/*;q=0.8" } } };
        using var pageResponse = await client.SendAsync(page);
        using var api = new HttpRequestMessage(HttpMethod.Get, "/page") { Headers = { { "Accept", "application/json" } } };
        using var apiResponse = await client.SendAsync(api);

        pageResponse.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await pageResponse.Content.ReadAsStringAsync()).Should().Be("<p>The host's error page</p>", "a page request is the host's to answer");
        apiResponse.StatusCode.Should().Be(HttpStatusCode.NotFound);
        apiResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Api.BodyAsync(apiResponse))["type"]!.GetValue<string>().Should().Be(ComplaintProblemTypes.NotFound);
        await app.StopAsync();
    }
}
