using Complaints.Commands;
using Complaints.Rules;
using Complaints.Storage.Sqlite;
using Complaints.Testing;
using Complaints.Workflow;
using Complaints.Workflow.WhatIf;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/packs.md: reviewing a draft with what-if replay over stored cases, and comparing two pack versions.</summary>
public sealed class WhatIf : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("complaints-docs-").FullName;
    private readonly string _packs = Path.Combine(AppContext.BaseDirectory, "packs");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A March case under bike-shop 1.0.0 whose 300 EUR refund needed the shop manager (agents settle up to 150).</summary>
    private async Task<string> MarchCasesAsync()
    {
        var database = Path.Combine(_folder, "complaints.db");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ComplaintBuilder.DefaultReceivedAt));
        services.AddComplaints().UsePackFolder(Path.Combine(_packs, "my-pack")).UseSqlite($"Data Source={database}");
        await using var provider = services.BuildServiceProvider();
        var complaints = provider.GetRequiredService<ComplaintService>();
        var received = await complaints.ReceiveAsync(A.Coordinator(), A.Complaint().BuildIntake());
        var id = received.Complaint.Id;
        await complaints.ExecuteAsync(id, A.Coordinator(), new Triage());
        await complaints.ExecuteAsync(id, A.Coordinator(), new Assign(A.Handler()));
        await complaints.ExecuteAsync(id, A.Handler(), new StartInvestigation());
        await complaints.ExecuteAsync(id, A.Handler(), new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Wrong part fitted.")));
        await complaints.ExecuteAsync(id, A.Handler(), new ProposeRemedy(A.Remedy(RemedyKind.Refund, 300, "EUR")));
        return database;
    }

    [Fact]
    public async Task What_if_replay_shows_the_approvals_a_higher_limit_would_drop()
    {
        var database = await MarchCasesAsync();
        var packs = _packs;
        #region what-if
        // The draft: bike-shop 1.1.0, the pack in force with the agents' limit raised from 150 to 500.
        var draft = PolicyPacks.LoadFolder(Path.Combine(packs, "my-pack"), Path.Combine(packs, "my-pack-1.1"));

        // The cases of March as they were decided, read straight from the store. Read-only, and no migration: the store
        // must not create its schema in a file it was pointed at by mistake, nor upgrade a database ahead of the app.
        using var store = new SqliteComplaintStore($"Data Source={database};Mode=ReadOnly", new SqliteStoreOptions { MigrateSchema = false });
        var report = await PolicyWhatIf.RunAsync(store, draft, new WhatIfOptions
        {
            ReceivedFrom = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
            ReceivedTo = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero),
            // PackId = "bike-shop": the cases the draft stands in for (by default the draft's own id)
        });

        Console.WriteLine(report.ToText());        // or ToMarkdown() for a review, ToJson() for a tool
        foreach (var change in report.Changes)     // e.g. approval "steps": manager → none (within the handler's authority)
        {
            Console.WriteLine($"{change.Case} #{change.Sequence} {change.Point} {change.Field}: {change.Before} → {change.After} " +
                              $"({string.Join(", ", change.RecordedRules)} → {string.Join(", ", change.DraftRules)})");
        }
        #endregion

        var change1 = report.Changes.Should().ContainSingle().Subject;
        change1.Should().BeEquivalentTo(new
        {
            Point = WhatIfPoint.Approval,
            Field = "steps",
            Before = "manager",
            After = "none (within the handler's authority)",
            RecordedRules = new[] { "above-agent-limit-needs-shop-manager" },
            DraftRules = Array.Empty<string>(),
        });
        report.Draft.Should().Be(new PolicyRef("bike-shop", "1.1.0"));
    }

    [Fact]
    public void A_pack_diff_lists_what_the_new_version_changes()
    {
        var packs = _packs;
        #region pack-diff
        var before = PolicyPacks.LoadFolder(Path.Combine(packs, "my-pack"));
        var after = PolicyPacks.LoadFolder(Path.Combine(packs, "my-pack"), Path.Combine(packs, "my-pack-1.1"));

        var diff = PackDiff.Compare(before, after);
        Console.WriteLine(diff);                   // text; diff.ToMarkdown() for a pull request
        foreach (var rule in diff.Rules)           // per decision point: rules added, removed, changed
        {
            Console.WriteLine($"{rule.Point} {rule.Rule} {rule.Kind}: {string.Join("; ", rule.Changes)}");
        }
        #endregion

        diff.Rules.Should().BeEmpty();
        diff.Manifest.Should().Equal(
            new PackChange("pack", "version", "1.0.0", "1.1.0"),
            new PackChange("roles", "handler.approvalLimit", "150", "500"));
    }
}
