using Complaints.Analysis;
using Complaints.Analysis.Reports;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Rules;
using Complaints.Workflow;
using Complaints.Workflow.Deadlines;
using Complaints.Workflow.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Complaints.Demo;

/// <summary>What a scripted run produced, for the caller (and the tests) to look at.</summary>
internal sealed record ScriptedRun(
    IReadOnlyList<DemoCase> Cases,
    IReadOnlyDictionary<ComplaintId, Complaint> Final,
    IReadOnlyDictionary<ComplaintId, IReadOnlyList<Journal.JournalEntry>> Journals,
    IReadOnlyList<Improvement.CorrectiveAction> Actions);

/// <summary>The default mode: a working fortnight in each industry pack, on the SQLite store.</summary>
internal static class ScriptedDemo
{
    public static async Task<int> RunAsync(DemoOptions options, string dbPath, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var full = Database.Prepare(dbPath, options.Reset);
        (AnalysisQuery Query, PeriodAnalysis? Figures, Improvement.CorrectiveActionFigures? Actions, TimeProvider Clock)? analysed = null;
        var run = await ExecuteAsync($"Data Source={full}", console, cancellationToken,
            (service, store, results) => ReportAsync(console, service, store, results, full, cancellationToken), options.Engine,
            options.ReportPath is null ? null : async (analysis, clock) =>
            {
                var query = DemoReport.Scripted(clock.GetUtcNow());
                analysed = (query, await DemoReport.AnalyseAsync(analysis, query, cancellationToken),
                    analysis.HasCorrectiveActions ? await analysis.CorrectiveActionsAsync(query, cancellationToken) : null, clock);
            });
        if (analysed is var (query, figures, actions, clock) && options.ReportPath is { } reportPath)
        {
            // The store's figures of the fortnight; a store that does not compute them: the reference over this run's cases.
            figures ??= PeriodAnalysis.Compute(query, run.Final.Values, id => run.Journals[id]);
            var report = PeriodReport.Create(figures, clock, title: "Complaints of the demo fortnight", organisation: "Demo group (hospital, dealership, tobacco company, food distributor, furniture shop)")
                with { CorrectiveActions = actions };
            await DemoReport.WriteAsync(reportPath, report, console, cancellationToken);
        }

        Directory.CreateDirectory(options.OutDir);
        var mermaid = Path.Combine(options.OutDir, "lifecycle.mmd");
        await File.WriteAllTextAsync(mermaid, ComplaintLifecycle.ToMermaid(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(options.OutDir, "lifecycle.dot"), ComplaintLifecycle.ToDot(), cancellationToken);
        console.WriteLine();
        console.MarkupLineInterpolated($"Lifecycle diagram written to [link]{Path.GetFullPath(mermaid)}[/] (and lifecycle.dot beside it).");
        return run.Cases.Count == Cases.All().Count ? 0 : 1;
    }

    /// <summary>Prints each pack's timelines, then the summary.</summary>
    public static async Task ReportAsync(IAnsiConsole console, ComplaintService service, IComplaintStore store, IReadOnlyList<DemoCase> results, string dbPath, CancellationToken cancellationToken)
    {
        foreach (var pack in Cases.Packs)
        {
            console.WriteLine();
            console.Write(new Rule($"[bold blue]{pack}[/] pack").RuleStyle("blue"));
            foreach (var demoCase in results.Where(c => c.Script.Pack == pack))
            {
                await Timeline.PrintAsync(console, service, demoCase, cancellationToken);
            }
        }

        await Summary.PrintAsync(console, service, store, results, dbPath, cancellationToken);
    }

    /// <summary>
    /// Runs every script on a fresh workflow over <paramref name="connectionString"/> (SQLite), then lets
    /// <paramref name="report"/> print while the workflow is still up; returns the cases' final state and journals.
    /// With <paramref name="engine"/> <see cref="DemoEngine.NRules"/> the packs' rules are matched in NRules sessions;
    /// <paramref name="analyse"/> gets the periodic analysis and the demo clock while the workflow is up.
    /// </summary>
    public static async Task<ScriptedRun> ExecuteAsync(
        string connectionString,
        IAnsiConsole console,
        CancellationToken cancellationToken,
        Func<ComplaintService, IComplaintStore, IReadOnlyList<DemoCase>, Task>? report = null,
        DemoEngine engine = DemoEngine.Default,
        Func<ComplaintAnalysis, TimeProvider, Task>? analyse = null)
    {
        // The clock goes in before AddComplaints, which only adds TimeProvider.System if none is registered.
        var clock = new DemoClock(Cases.Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var complaints = services.AddComplaints(o => o.ReopenWindow = TimeSpan.FromDays(14))
            .UsePacks(Cases.AddPacks)
            .UseSqlite(connectionString);
        if (engine == DemoEngine.NRules)
        {
            // The same packs, their rules compiled to NRules rule definitions at start and matched in NRules sessions.
            complaints.OnNRules();
        }

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var store = provider.GetRequiredService<IComplaintStore>();

        // Opens (creates or migrates) the file now, so that a bad path fails before any output.
        await store.CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State), cancellationToken);

        var service = provider.GetRequiredService<ComplaintService>();
        var catalog = provider.GetRequiredService<PolicyCatalog>();
        var worker = new DeadlineWorker(provider.GetRequiredService<IDeadlineStore>(), service, clock, Options.Create(new DeadlineWorkerOptions { WorkerId = "demo-worker" }));
        var desk = new Desk(service, clock, catalog, worker);
        var scripts = Cases.All();
        var steps = scripts.Sum(s => s.Steps.Count);

        IReadOnlyList<DemoCase> results = [];
        await console.Progress().AutoClear(true).HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{scripts.Count} complaints, {steps} steps", maxValue: steps);
                results = await desk.RunAsync(scripts, step =>
                {
                    task.Description = $"{Timeline.Time(step.At)}  {Markup.Escape(step.Script.Pack)}: {Markup.Escape(step.Script.Title)}";
                    task.Increment(1);
                }, cancellationToken);
            });
        console.MarkupLineInterpolated($"[grey]Ran {scripts.Count} complaints ({steps} steps) under {catalog.Packs.Count} packs{(engine == DemoEngine.NRules ? " on NRules" : "")}, {Timeline.Time(Cases.Start)} to {Timeline.Time(clock.GetUtcNow())} on the demo clock.[/]");
        var actions = await DemoActions.ProposeAsync(provider.GetRequiredService<Workflow.Improvement.CorrectiveActionService>(), clock, results, console, cancellationToken);

        if (report is not null)
        {
            await report(service, store, results);
        }

        if (analyse is not null)
        {
            await analyse(provider.GetRequiredService<ComplaintAnalysis>(), clock);
        }

        var final = new Dictionary<ComplaintId, Complaint>();
        var journals = new Dictionary<ComplaintId, IReadOnlyList<Journal.JournalEntry>>();
        foreach (var demoCase in results)
        {
            final[demoCase.Id] = await service.GetAsync(demoCase.Id, demoCase.Script.Viewer, cancellationToken);
            journals[demoCase.Id] = await service.GetJournalAsync(demoCase.Id, demoCase.Script.Viewer, cancellationToken);
        }

        return new ScriptedRun(results, final, journals, actions);
    }
}
