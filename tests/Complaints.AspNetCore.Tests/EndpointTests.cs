using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.AspNetCore.Tests.Support;
using Complaints.Notifications;
using Complaints.Testing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Complaints.AspNetCore.Tests;

/// <summary>The endpoints through the real HTTP pipeline: receive, commands as "$type" JSON, reads, ETags.</summary>
public sealed class EndpointTests
{
    internal static readonly Actor Receiver = A.Receiver();
    internal static readonly Actor Coordinator = A.Coordinator();
    internal static readonly Actor Handler = A.Handler("han", "quality");

    /// <summary>Wang of customer service, complained about: the pack hides the complainant from him and recuses him.</summary>
    internal static readonly Actor Accused = new ActorBuilder("wang").Named("Wang").WithRoles(ComplaintRoles.Handler).InDepartment("customer-service").Build();

    internal static ComplaintIntake Intake() =>
        A.Complaint().From("Liu Yang", new ContactDetails(Email: "liu.yang@example.com", Phone: "+86 138 0000 0000"))
            .AboutStaff("wang", "customer-service", "Wang").BuildIntake();

    [Fact]
    public async Task Receive_Answers201_WithLocationETagAndTheComplainantsAccessShownOnce()
    {
        await using var api = await Api.StartAsync();

        using var response = await api.As(Receiver).PostAsync(Api.Prefix, Api.Json(Intake()));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await Api.BodyAsync(response);
        var id = body["complaint"]!["id"]!.GetValue<string>();
        response.Headers.Location!.ToString().Should().Be($"{Api.Prefix}/{id}");
        response.Headers.ETag.Should().Be(new EntityTagHeaderValue("\"1\""));
        body["complaint"]!["state"]!.GetValue<string>().Should().Be("received");
        body["complainantAccess"]!["reference"]!.GetValue<string>().Should().Be(id);
        body["complainantAccess"]!["secret"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        body["entries"]!.AsArray().Should().ContainSingle();

        using var read = await api.As(Receiver).GetAsync(response.Headers.Location);
        (await read.Content.ReadAsStringAsync()).Should().NotContain(body["complainantAccess"]!["secret"]!.GetValue<string>(), "the secret is shown once");
    }

    [Fact]
    public async Task Commands_AsTypedJson_TriageAssignAndInvestigate_EachWithTheETagOfTheLast()
    {
        await using var api = await Api.StartAsync();
        var (id, etag) = await api.ReceiveAsync(Receiver, Intake());

        using var triaged = await api.CommandAsync(Coordinator, id, """{"$type":"triage"}""", etag.ToString());
        triaged.StatusCode.Should().Be(HttpStatusCode.OK, await triaged.Content.ReadAsStringAsync());
        (await Api.BodyAsync(triaged))["complaint"]!["state"]!.GetValue<string>().Should().Be("triaged");
        triaged.Headers.ETag.Should().Be(new EntityTagHeaderValue("\"2\""));

        var handler = JsonSerializer.Serialize(Handler, ComplaintsJson.Options);
        using var assigned = await api.CommandAsync(Coordinator, id, $$"""{"handler":{{handler}},"$type":"assign"}""", triaged.Headers.ETag!.ToString());
        assigned.StatusCode.Should().Be(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        var afterAssign = await Api.BodyAsync(assigned);
        afterAssign["complaint"]!["state"]!.GetValue<string>().Should().Be("assigned");
        afterAssign["complaint"]!["assignee"]!["id"]!.GetValue<string>().Should().Be(Handler.Id.Value, "$type may stand anywhere in the object");

        using var actions = await api.As(Handler).GetAsync($"{Api.Prefix}/{id}/actions");
        var allowed = JsonNode.Parse(await actions.Content.ReadAsStringAsync())!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        allowed.Should().Contain("start-investigation").And.NotContain("triage");

        using var investigating = await api.CommandAsync(Handler, id, """{"$type":"start-investigation"}""", assigned.Headers.ETag!.ToString());
        investigating.StatusCode.Should().Be(HttpStatusCode.OK, await investigating.Content.ReadAsStringAsync());
        (await api.Harness.StoredAsync(id)).State.Should().Be(ComplaintState.Investigating);
        investigating.Headers.ETag.Should().Be(new EntityTagHeaderValue($"\"{(await api.Harness.StoredAsync(id)).Version}\""));
    }

    [Fact]
    public async Task Get_GivesTheVersionAndAHashOfTheBytesAsETag_AndIfNoneMatchAnswers304()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());
        await api.Harness.TriageAsync(id, Coordinator);
        var client = api.As(Coordinator);

        using var read = await client.GetAsync($"{Api.Prefix}/{id}");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = await read.Content.ReadAsByteArrayAsync();
        var etag = $"\"2-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..8]}\"";
        read.Headers.ETag.Should().Be(new EntityTagHeaderValue(etag), "the tag is the version and a hash of the exact bytes sent");
        (await Api.BodyAsync(read))["version"]!.GetValue<long>().Should().Be(2);

        foreach (var (tag, expected) in new[]
        {
            (etag, HttpStatusCode.NotModified), ("W/" + etag, HttpStatusCode.NotModified), ($"\"1\", {etag}", HttpStatusCode.NotModified), ("*", HttpStatusCode.NotModified),
            ("\"2\"", HttpStatusCode.OK), ("\"1\"", HttpStatusCode.OK), ("\"2-00000000\"", HttpStatusCode.OK),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/{id}");
            request.Headers.TryAddWithoutValidation("If-None-Match", tag);
            using var conditional = await client.SendAsync(request);
            conditional.StatusCode.Should().Be(expected, $"If-None-Match {tag} against {etag}");
            conditional.Headers.ETag.Should().Be(new EntityTagHeaderValue(etag));
        }
    }

    [Fact]
    public async Task Get_ReadersWithDifferentViewsOfOneVersion_NeverShareAnETag_SoTheAccusedNeverRevalidatesAnotherReadersCopy()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());
        await api.Harness.TriageAsync(id, Coordinator);

        using var full = await api.As(Receiver).GetAsync($"{Api.Prefix}/{id}");
        using var redacted = await api.As(Accused).GetAsync($"{Api.Prefix}/{id}");
        var fullText = await full.Content.ReadAsStringAsync();
        fullText.Should().Contain("Liu Yang", "the clerk who received it sees the complainant");
        (await redacted.Content.ReadAsStringAsync()).Should().NotContain("Liu Yang");
        full.Headers.ETag!.Tag.Should().StartWith("\"2-");
        redacted.Headers.ETag!.Tag.Should().StartWith("\"2-").And.NotBe(full.Headers.ETag.Tag, "the accused's view withholds the complainant");

        // A shared browser cache holding the clerk's copy revalidates it while the accused is signed in.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", full.Headers.ETag.ToString());
        using var revalidated = await api.As(Accused).SendAsync(request);

        revalidated.StatusCode.Should().Be(HttpStatusCode.OK, "a 304 would let the cache show the accused the clerk's copy");
        var text = await revalidated.Content.ReadAsStringAsync();
        JsonNode.Parse(text)!["intake"]!["complainant"]!["name"]!.GetValue<string>().Should().Be(Complainant.Withheld);
        text.Should().NotContain("Liu Yang");
        revalidated.Headers.ETag.Should().Be(redacted.Headers.ETag);
    }

    [Fact]
    public async Task EveryAnswerWithCaseData_IsPrivateNoCache_AndVariesBySignIn()
    {
        await using var api = await Api.StartAsync();
        using var received = await api.As(Receiver).PostAsync(Api.Prefix, Api.Json(Intake()));
        var id = (await Api.BodyAsync(received))["complaint"]!["id"]!.GetValue<string>();
        using var triaged = await api.CommandAsync(Coordinator, ComplaintId.Parse(id, System.Globalization.CultureInfo.InvariantCulture), """{"$type":"triage"}""", received.Headers.ETag!.ToString());
        triaged.StatusCode.Should().Be(HttpStatusCode.OK);
        var client = api.As(Coordinator);
        using var read = await client.GetAsync($"{Api.Prefix}/{id}");
        using var notModified = new HttpRequestMessage(HttpMethod.Get, $"{Api.Prefix}/{id}") { Headers = { IfNoneMatch = { read.Headers.ETag! } } };

        var responses = new List<HttpResponseMessage> { received, triaged, read, await client.SendAsync(notModified) };
        foreach (var path in new[] { "/journal", "/actions", "/outbox" })
        {
            responses.Add(await client.GetAsync($"{Api.Prefix}/{id}{path}"));
        }

        responses.Add(await client.GetAsync($"{Api.Prefix}/desk"));
        responses[3].StatusCode.Should().Be(HttpStatusCode.NotModified);
        foreach (var response in responses)
        {
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath} ({(int)response.StatusCode})";
            response.IsSuccessStatusCode.Should().Be(response.StatusCode != HttpStatusCode.NotModified, what);
            response.Headers.CacheControl.Should().NotBeNull(what);
            response.Headers.CacheControl!.Private.Should().BeTrue(what);
            response.Headers.CacheControl.NoCache.Should().BeTrue(what);
            response.Headers.Vary.Should().BeEquivalentTo(["Authorization", "Cookie"], what);
        }

        foreach (var response in responses.Skip(2))
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Journal_HoldsEachEntryWithThePolicysExplanation()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());
        await api.Harness.TriageAsync(id, Coordinator);

        using var response = await api.As(Coordinator).GetAsync($"{Api.Prefix}/{id}/journal");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var journal = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        journal.Select(e => e!["event"]!["type"]!.GetValue<string>()).Should().Equal("received", "triaged");
        journal[1]!["event"]!["severity"]!["explanation"]!["rules"]!.AsArray().Should().NotBeEmpty("the decision says which rules made it");
    }

    [Fact]
    public async Task Outbox_ShowsTheCasesNotifications_WithTheComplainantsWithheldFromTheAccused()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());
        await api.Harness.TriageAsync(id, Coordinator);
        var stored = await api.Harness.Store.ReadOutboxAsync(id);
        stored.Should().Contain(m => m.Notification.Recipient == Notification.Complainant);

        using var full = await api.As(Coordinator).GetAsync($"{Api.Prefix}/{id}/outbox");
        using var redacted = await api.As(Accused).GetAsync($"{Api.Prefix}/{id}/outbox");

        full.StatusCode.Should().Be(HttpStatusCode.OK);
        var all = JsonNode.Parse(await full.Content.ReadAsStringAsync())!.AsArray();
        all.Select(m => m!["notification"]!["id"]!.GetValue<Guid>()).Should().Equal(stored.Select(m => m.Notification.Id));
        redacted.StatusCode.Should().Be(HttpStatusCode.OK, await redacted.Content.ReadAsStringAsync());
        var shown = JsonNode.Parse(await redacted.Content.ReadAsStringAsync())!.AsArray();
        shown.Where(m => m!["notification"]!["recipient"]!.GetValue<string>() == Notification.Complainant)
            .Should().NotBeEmpty().And.OnlyContain(m => m!["notification"]!["body"]!.GetValue<string>() == Complainant.Withheld);
    }

    [Fact]
    public async Task Get_ByTheAccused_WithholdsTheComplainant()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());
        await api.Harness.TriageAsync(id, Coordinator);

        using var response = await api.As(Accused).GetAsync($"{Api.Prefix}/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var text = await response.Content.ReadAsStringAsync();
        JsonNode.Parse(text)!["intake"]!["complainant"]!["name"]!.GetValue<string>().Should().Be(Complainant.Withheld);
        text.Should().NotContain("Liu Yang").And.NotContain("liu.yang@example.com").And.NotContain("138 0000");
    }

    [Fact]
    public async Task HttpJson_WritesTheLibrarysEnumsInKebabCase_AndLeavesTheHostsOwnAlone()
    {
        await using var api = await Api.StartAsync();
        var json = api.App.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        JsonSerializer.Serialize(ComplaintState.AwaitingApproval, json).Should().Be("\"awaiting-approval\"");
        JsonSerializer.Serialize(DayOfWeek.Monday, json).Should().Be("1", "a host's enum is written as the host's settings say");
    }

    [Fact]
    public async Task Enums_AreWrittenAsKebabCaseStrings()
    {
        await using var api = await Api.StartAsync();
        var (id, _) = await api.ReceiveAsync(Receiver, Intake());

        using var response = await api.As(Receiver).GetAsync($"{Api.Prefix}/{id}");

        var body = await Api.BodyAsync(response);
        body["state"]!.GetValue<string>().Should().Be("received");
        body["intake"]!["subject"]!["kind"]!.GetValue<string>().Should().Be("staff-member");
    }
}
