using System.Net;
using System.Text.Json.Nodes;
using Complaints.AspNetCore.Tests.Support;
using Complaints.Commands;
using static Complaints.AspNetCore.Tests.EndpointTests;

namespace Complaints.AspNetCore.Tests;

/// <summary>GET desk: a person's desk in one paged query, each case with why it is there.</summary>
public sealed class DeskTests
{
    [Fact]
    public async Task Desk_HoldsTheCasesWaitingForTheCaller_WithWhyAndAsTheyMaySeeThem()
    {
        await using var api = await Api.StartAsync();
        var (waiting, _) = await api.ReceiveAsync(Receiver, Intake());
        var (assigned, _) = await api.ReceiveAsync(Receiver, Intake());
        await api.Harness.TriageAsync(assigned, Coordinator);
        await api.Harness.ExecuteAsync(assigned, Coordinator, new Assign(Handler));

        using var coordinators = await api.As(Coordinator).GetAsync($"{Api.Prefix}/desk");
        using var handlers = await api.As(Handler).GetAsync($"{Api.Prefix}/desk?skip=0&take=10");

        coordinators.StatusCode.Should().Be(HttpStatusCode.OK, await coordinators.Content.ReadAsStringAsync());
        var triage = JsonNode.Parse(await coordinators.Content.ReadAsStringAsync())!["items"]!.AsArray();
        triage.Select(i => i!["complaint"]!["id"]!.GetValue<string>()).Should().Equal(waiting.ToString());
        triage[0]!["reasons"]!.GetValue<string>().Should().Be("awaiting-triage");
        var page = JsonNode.Parse(await handlers.Content.ReadAsStringAsync())!;
        page["nextSkip"].Should().BeNull("the handler's desk ends in this page");
        var desk = page["items"]!.AsArray();
        desk.Select(i => i!["complaint"]!["id"]!.GetValue<string>()).Should().Equal(assigned.ToString());
        desk[0]!["reasons"]!.GetValue<string>().Should().Be("assigned");
    }

    [Fact]
    public async Task Desk_WithAPageOutOfRange_Is400_NamingTheField()
    {
        await using var api = await Api.StartAsync();

        using var response = await api.As(Coordinator).GetAsync($"{Api.Prefix}/desk?take=0");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await Api.BodyAsync(response);
        problem["type"]!.GetValue<string>().Should().Be(ComplaintProblemTypes.Validation);
        problem["errors"]!.AsObject().Select(e => e.Key).Should().ContainSingle().Which.Should().ContainEquivalentOf("take");
    }
}
