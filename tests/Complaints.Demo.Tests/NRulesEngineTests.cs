using System.Text.Json;
using System.Text.RegularExpressions;

namespace Complaints.Demo.Tests;

/// <summary><c>--engine nrules</c>: the scripted fortnight with the packs' rules matched in NRules sessions decides every case as the packs' own evaluator does.</summary>
public sealed partial class NRulesEngineTests
{
    [Fact]
    public async Task ScriptedDemo_OnNRules_PrintsTheSameTimelines_AndWritesTheSameJournals_AsOnThePacksOwnEvaluator()
    {
        var (ownOutput, own) = await RunAsync(DemoEngine.Default);
        var (nrulesOutput, onNRules) = await RunAsync(DemoEngine.NRules);

        nrulesOutput.Should().Contain("packs on NRules");
        Normalise(nrulesOutput).Should().Be(Normalise(ownOutput));
        onNRules.Cases.Select(c => c.Title).Should().Equal(own.Cases.Select(c => c.Title));
        for (var i = 0; i < own.Cases.Count; i++)
        {
            var expected = own.Journals[own.Cases[i].Id].Select(e => JsonSerializer.Serialize(e.Event, ComplaintsJson.Options));
            var actual = onNRules.Journals[onNRules.Cases[i].Id].Select(e => JsonSerializer.Serialize(e.Event, ComplaintsJson.Options));
            actual.Select(Normalise).Should().Equal(expected.Select(Normalise), $"'{own.Cases[i].Title}' is decided alike, explanations included");
        }
    }

    [Fact]
    public void EngineOption_ChoosesTheEngine()
    {
        DemoOptions.Parse(["--engine", "nrules"]).Options!.Engine.Should().Be(DemoEngine.NRules);
        DemoOptions.Parse(["--engine", "default"]).Options!.Engine.Should().Be(DemoEngine.Default);
        DemoOptions.Parse([]).Options!.Engine.Should().Be(DemoEngine.Default);
        DemoOptions.Parse(["--engine", "drools"]).Error.Should().Be("--engine needs default or nrules.");
    }

    private static async Task<(string Output, ScriptedRun Run)> RunAsync(DemoEngine engine)
    {
        using var temp = new TempFolder();
        using var console = new TestConsole();
        var db = temp.File("demo.db");
        var run = await ScriptedDemo.ExecuteAsync($"Data Source={db}", console.Console, TestContext.Current.CancellationToken,
            (service, store, cases) => ScriptedDemo.ReportAsync(console.Console, service, store, cases, db, TestContext.Current.CancellationToken), engine);
        // From the run's line on: what the progress bar printed before it depends on timing.
        var output = console.Output.Replace(temp.Path, "TEMP", StringComparison.Ordinal);
        return (output[output.IndexOf("Ran ", StringComparison.Ordinal)..], run);
    }

    /// <summary>The text without what differs between two runs of the same script: case ids, status keys (a salted hash, random at each receipt), and the engine named on the run's line.</summary>
    private static string Normalise(string text) =>
        Ids().Replace(StatusKeys().Replace(text, "\"statusKey\":\"(random)\""), "ID").Replace(" on NRules", "", StringComparison.Ordinal);

    [GeneratedRegex("\"statusKey\":\"[^\"]*\"")]
    private static partial Regex StatusKeys();

    [GeneratedRegex("[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}|C-[0-9A-Z-]{6,}", RegexOptions.IgnoreCase)]
    private static partial Regex Ids();
}
