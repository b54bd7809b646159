using System.Text.RegularExpressions;
using Complaints.Packaging.Tests.Support;

namespace Complaints.Packaging.Tests;

/// <summary>
/// tests/Complaints.Aot (the consumer app's Program.cs on the repository's projects: AddComplaints, the generic pack,
/// SQLite) published as a native executable with <c>PublishAot=true</c>: no trim or AOT warning from the Complaints
/// assemblies, and the executable takes a complaint to Closed. Needs clang and zlib1g-dev (.ci/run installs them on CI).
/// </summary>
public sealed partial class AotPublishTests
{
    [Fact]
    public async Task NativeAotPublish_HasNoWarningsFromOurAssemblies_AndTheExecutableClosesAComplaint()
    {
        SkipUnlessNativeToolchain();

        // After the pack (the same ContinuousIntegrationBuild), so that the libraries are built once and not by two builds at a time.
        var packed = await PackedLibraries.GetAsync();
        var output = TestContext.Current.TestOutputHelper;
        var published = Path.Combine(packed.WorkFolder, "aot");
        var publish = await Dotnet.RunAsync(Repository.Root,
        [
            "publish", Path.Combine("tests", "Complaints.Aot", "Complaints.Aot.csproj"), "-c", "Release", "-o", published,
            "--disable-build-servers", "-nodeReuse:false", "-p:ContinuousIntegrationBuild=true",
        ]);
        output?.WriteLine($"native AOT publish: {publish.Duration.TotalSeconds:0.0} s");
        publish.ExitCode.Should().Be(0, publish.Describe());

        var warnings = TrimOrAotWarnings(publish.Output);
        var ours = warnings.Where(IsFromOurAssemblies).ToArray();
        output?.WriteLine($"{warnings.Length} trim/AOT warnings from third-party code (RulesEngine, System.Linq.Dynamic.Core, FastExpressionCompiler: docs/aot.md), {ours.Length} from ours");
        ours.Should().BeEmpty("the Complaints libraries are trim- and AOT-compatible (docs/aot.md)");
        warnings.Should().NotBeEmpty("the publish ran the AOT compiler's analysis, which reports the third-party packages' warnings");

        var database = Path.Combine(packed.WorkFolder, "aot.db");
        var run = await Dotnet.RunProcessAsync(Path.Combine(published, "Complaints.Aot"), packed.WorkFolder, [database], TimeSpan.FromMinutes(2));
        output?.WriteLine($"run: {run.Duration.TotalMilliseconds:0} ms\n{run.Output}");
        run.ExitCode.Should().Be(0, run.Describe());
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(l => l.StartsWith("Triage by chen -> Triaged", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("reloaded ", StringComparison.Ordinal) && l.Contains(": Closed,", StringComparison.Ordinal));
        lines[^1].Should().Be("OK: one complaint received, handled and closed through the packages");
    }

    [Fact]
    public void WarningParser_TellsOurAssembliesFromThirdParty()
    {
        const string log = """
            /work/src/Complaints.Rules/Loading/X.cs(12): Trim analysis warning IL2026: Complaints.Rules.Loading.X.Read(): Using member … [/work/tests/Complaints.Aot/Complaints.Aot.csproj]
            ILC : AOT analysis warning IL3050: Microsoft.Extensions.DependencyInjection.ComplaintsBuilder.UseStore(): Using member …
            ILC : Trim analysis warning IL2070: System.Linq.Dynamic.Core.Parser.TypeHelper.TryFindGenericType(Type,Type,Type&): 'this' argument …
            ILC : AOT analysis warning IL3050: RulesEngine.HelperFunctions.Utils.Cast(IEnumerable,Type): Using member …
            warning CS0168: unrelated
            """;

        var warnings = TrimOrAotWarnings(log);

        warnings.Should().HaveCount(4);
        warnings.Where(IsFromOurAssemblies).Should().HaveCount(2);
    }

    /// <summary>Skips (saying how to enable it) when clang is missing outside CI; on CI (CI=true) the test always runs.</summary>
    private static void SkipUnlessNativeToolchain()
    {
        PackedLibraries.SkipLocallyIfAsked();
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "clang")));
        if (!onPath && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Assert.Skip("Native AOT publish skipped: clang is not installed. Install clang and zlib1g-dev (apt-get install clang zlib1g-dev; .ci/run does on CI), or set CI=true to make this a failure.");
        }
    }

    private static string[] TrimOrAotWarnings(string log) =>
        log.Split('\n').Select(l => l.Trim()).Where(l => TrimOrAotCode().IsMatch(l)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The prefixes of our registration types, which live in Microsoft.Extensions.DependencyInjection.</summary>
    private static readonly string[] OurRegistrationTypes = ["Complaints", "PolicyPack", "PackConfiguration", "Sqlite", "PostgreSql", "NRules"];

    /// <summary>A warning in the Complaints assemblies (or the app): ILC names our source file (we ship PDBs) or our type.</summary>
    private static bool IsFromOurAssemblies(string warning)
    {
        var member = TrimOrAotCode().Match(warning).Groups["member"].Value;
        return warning.Contains("/src/Complaints.", StringComparison.Ordinal)
            || warning.Contains("/tests/Complaints.Packaging.Tests/ConsumerApp/", StringComparison.Ordinal)
            || member.StartsWith("Complaints.", StringComparison.Ordinal)
            || member.StartsWith("Program.", StringComparison.Ordinal)
            || OurRegistrationTypes.Any(t => member.StartsWith("Microsoft.Extensions.DependencyInjection." + t, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(warning|error) IL[23]\d{3}: (?<member>\S+)")]
    private static partial Regex TrimOrAotCode();
}
