using Complaints.Commands;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Testing;
using Complaints.Workflow;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/concepts.md: a case keeps deciding under the pack version it was opened under; if that version is not loaded, it is refused unless the host allows the newest of the pack.</summary>
public sealed class PolicyVersions : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaints-docs-").FullName;
    private readonly string _packs = Path.Combine(AppContext.BaseDirectory, "packs");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ServiceProvider Start(Func<ComplaintsBuilder, ComplaintsBuilder> pack, PolicyVersionFallback fallback = PolicyVersionFallback.Refuse)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        pack(services.AddComplaints(o => o.PolicyVersionFallback = fallback)).UseSqlite($"Data Source={Path.Combine(_folder, "complaints.db")}");
        return services.BuildServiceProvider();
    }

    private static async Task<ComplaintId> OpenAndInvestigateAsync(ComplaintService complaints)
    {
        var received = await complaints.ReceiveAsync(A.Coordinator(), A.Complaint().BuildIntake());
        var id = received.Complaint.Id;
        await complaints.ExecuteAsync(id, A.Coordinator(), new Triage());
        await complaints.ExecuteAsync(id, A.Coordinator(), new Assign(A.Handler()));
        await complaints.ExecuteAsync(id, A.Handler(), new StartInvestigation());
        await complaints.ExecuteAsync(id, A.Handler(), new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Wrong part fitted.")));
        return id;
    }

    private static Task<CommandResult> ProposeAsync(ComplaintService complaints, ComplaintId id) =>
        complaints.ExecuteAsync(id, A.Handler(), new ProposeRemedy(A.Remedy(RemedyKind.Refund, 300, "EUR")));

    [Fact]
    public async Task An_old_case_decides_under_its_version_only_while_that_version_is_loaded()
    {
        var myPack = Path.Combine(_packs, "my-pack");
        var newLimits = Path.Combine(_packs, "my-pack-1.1");
        ComplaintId old;
        await using (var before = Start(b => b.UsePackFolder(myPack)))                  // bike-shop 1.0.0: agents settle up to 150
        {
            old = await OpenAndInvestigateAsync(before.GetRequiredService<ComplaintService>());
        }

        await using (var forgetful = Start(b => b.UsePackFolder(myPack, newLimits)))    // only 1.1.0 loaded after the upgrade
        {
            var complaints = forgetful.GetRequiredService<ComplaintService>();
            var refused = () => ProposeAsync(complaints, old);
            (await refused.Should().ThrowAsync<PolicyVersionNotLoadedException>("1.0.0 is not loaded, and the host did not allow another version"))
                .WithMessage("*bike-shop@1.0.0, which is not loaded (loaded: bike-shop@1.1.0)*");
        }

        await using (var lenient = Start(b => b.UsePackFolder(myPack, newLimits), PolicyVersionFallback.NewestOfSamePack))
        {
            var proposed = await ProposeAsync(lenient.GetRequiredService<ComplaintService>(), old);
            proposed.Complaint.State.Should().Be(ComplaintState.Approved, "the host allowed the newest of the pack: bike-shop 1.1.0 and its 500 limit");
        }

        old = await OpenUnderFirstVersionAsync(myPack);   // another case opened under 1.0.0, for the run with both loaded
        var previousFolder = myPack;
        await using var provider = Start(b => b.UsePackFolder(myPack, newLimits));
        #region policy-versions
        // At start-up, after an upgrade: keep the previous version loaded for the cases opened under it;
        // new cases keep getting the current one.
        var catalog = provider.GetRequiredService<PolicyCatalog>();      // current: bike-shop 1.1.0
        catalog.LoadForExistingCases(PolicyPacks.LoadFolder(previousFolder)); // bike-shop 1.0.0
        #endregion
        var service = provider.GetRequiredService<ComplaintService>();

        (await ProposeAsync(service, old)).Complaint.State.Should().Be(ComplaintState.AwaitingApproval, "the case was opened under 1.0.0, whose agents settle up to 150");
        var fresh = await OpenAndInvestigateAsync(service);
        (await ProposeAsync(service, fresh)).Complaint.Should().BeEquivalentTo(
            new { State = ComplaintState.Approved, Policy = new PolicyRef("bike-shop", "1.1.0") });
    }

    private async Task<ComplaintId> OpenUnderFirstVersionAsync(string myPack)
    {
        await using var before = Start(b => b.UsePackFolder(myPack));
        return await OpenAndInvestigateAsync(before.GetRequiredService<ComplaintService>());
    }
}
