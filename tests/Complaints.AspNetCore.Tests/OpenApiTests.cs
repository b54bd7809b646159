using System.Net;
using System.Text.Json.Nodes;
using Complaints.AspNetCore.Tests.Support;
using Complaints.Commands;

namespace Complaints.AspNetCore.Tests;

/// <summary>The OpenAPI document Microsoft.AspNetCore.OpenApi makes of the endpoints: the command union and the problem responses.</summary>
public sealed class OpenApiTests
{
    private static async Task<JsonObject> DocumentAsync()
    {
        await using var api = await Api.StartAsync();
        using var response = await api.As(null).GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await Api.BodyAsync(response);
    }

    [Fact]
    public async Task CommandBody_IsAUnionOfEveryCommand_WithTheTypeDiscriminator()
    {
        var document = await DocumentAsync();

        var body = document["paths"]![$"{Api.Prefix}/{{id}}/commands"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var schema = Resolve(document, body);
        schema["discriminator"]!["propertyName"]!.GetValue<string>().Should().Be("$type");
        var mapping = schema["discriminator"]!["mapping"]!.AsObject().Select(m => m.Key).ToArray();
        var commands = typeof(ComplaintCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ComplaintCommand)) && !t.IsAbstract).ToArray();
        mapping.Should().HaveCount(commands.Length).And.Contain(["triage", "assign", "start-investigation", "release-hold"]);
        // Microsoft.AspNetCore.OpenApi writes a [JsonPolymorphic] union as anyOf; the discriminator makes it exclusive.
        schema["anyOf"]!.AsArray().Select(s => s!["$ref"]!.GetValue<string>().Split('/')[^1])
            .Should().BeEquivalentTo(commands.Select(c => "ComplaintCommand" + c.Name));
        Resolve(document, schema["anyOf"]![0]!)["properties"]!["$type"].Should().NotBeNull("each member names its discriminator");
    }

    [Theory]
    [InlineData("/{id}/commands", "post", new[] { "400", "401", "403", "404", "409", "412", "428", "500" })]
    [InlineData("", "post", new[] { "400", "401", "403", "500" })]
    [InlineData("/{id}", "get", new[] { "304", "401", "403", "404", "500" })]
    [InlineData("/{id}/journal", "get", new[] { "401", "403", "404", "500" })]
    [InlineData("/{id}/actions", "get", new[] { "401", "403", "404", "500" })]
    [InlineData("/{id}/outbox", "get", new[] { "401", "403", "404", "500" })]
    [InlineData("/desk", "get", new[] { "400", "401", "500" })]
    public async Task Endpoints_DeclareTheirProblemResponses(string path, string method, string[] statuses)
    {
        var document = await DocumentAsync();

        var operation = document["paths"]![Api.Prefix + path]![method]!;
        var responses = operation["responses"]!.AsObject();
        responses.Select(r => r.Key).Should().Contain(statuses);
        foreach (var status in statuses.Where(s => s != "304"))
        {
            responses[status]!["content"]!.AsObject().Select(c => c.Key).Should().Contain("application/problem+json", $"{method} {path} answers {status} with problem details");
        }
    }

    private static JsonNode Resolve(JsonObject document, JsonNode schema) =>
        schema["$ref"] is { } reference
            ? document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!
            : schema;
}
