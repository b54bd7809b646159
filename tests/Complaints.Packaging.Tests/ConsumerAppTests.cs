using System.Diagnostics;
using System.Security;
using System.Text.Json;
using Complaints.Packaging.Tests.Support;

namespace Complaints.Packaging.Tests;

/// <summary>
/// The packages restored into a fresh console app, outside the repository (so none of its Directory.*.props apply),
/// with its own NuGet packages folder (so no cached build of the same version can stand in for the fresh packages),
/// and a Complaints.* source mapping to the packed folder only: it takes one complaint to Closed on SQLite.
/// </summary>
public sealed class ConsumerAppTests
{
    private static readonly string[] Referenced = ["Complaints.Workflow", "Complaints.Rules", "Complaints.Storage.Sqlite"];

    [Fact]
    public async Task FreshConsoleApp_RestoresThePackages_AndTakesAComplaintToClosedOnSqlite()
    {
        var packed = await PackedLibraries.GetAsync();
        var output = TestContext.Current.TestOutputHelper;
        var app = Directory.CreateDirectory(Path.Combine(packed.WorkFolder, "consumer-app")).FullName;
        var globalPackages = Path.Combine(packed.WorkFolder, "nuget-packages");
        var feeds = await MachineFeedsAsync(packed.WorkFolder);

        WriteApp(app, packed.PackageFolder, feeds);
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = globalPackages };

        var build = await Dotnet.RunAsync(app, ["build", "-c", "Release", "--disable-build-servers", "-nodeReuse:false"], environment);
        output?.WriteLine($"restore + build of the fresh app: {build.Duration.TotalSeconds:0.0} s");
        build.ExitCode.Should().Be(0, build.Describe());

        var database = Path.Combine(app, "complaints.db");
        var run = await Dotnet.RunAsync(app, [Path.Combine(app, "bin", "Release", "net10.0", "ConsumerApp.dll"), database], environment, TimeSpan.FromMinutes(3));
        output?.WriteLine($"run: {run.Duration.TotalSeconds:0.0} s\n{run.Output}");
        run.ExitCode.Should().Be(0, run.Describe());

        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Contain($"Complaints.Workflow {Repository.Version}+{packed.Commit}", "the app runs the packed build");
        lines.Should().Contain(l => l.StartsWith("built-in packs:", StringComparison.Ordinal) && l.Contains("generic", StringComparison.Ordinal) && l.Contains("hospital", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Triage by chen -> Triaged", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Close by chen -> Closed", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("reloaded ", StringComparison.Ordinal) && l.Contains(": Closed,", StringComparison.Ordinal) && l.Contains("department finance", StringComparison.Ordinal));
        lines.Should().Contain(
            l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^refused \w+Exception: at Complaints\..* in /_/src/Complaints\.[\w.]+/.+\.cs:line \d+$"),
            "the library's stack frames name the source file (mapped to /_/) and line: the PDB travels inside the assembly");
        lines[^1].Should().Be("OK: one complaint received, handled and closed through the packages");
        new FileInfo(database).Length.Should().BeGreaterThan(0, "the case was kept in the SQLite file");

        // The app got the Complaints packages from the packed folder, into its own packages folder, byte for byte.
        using var assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app, "obj", "project.assets.json"), TestContext.Current.CancellationToken));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToArray();
        libraries.Should().Contain(Repository.Libraries.Where(l => l is not "Complaints.Testing" and not "Complaints.Storage.PostgreSql" and not "Complaints.Rules.NRules" and not "Complaints.AspNetCore").Select(l => $"{l}/{Repository.Version}"));
        foreach (var id in Referenced.Append("Complaints.Abstractions"))
        {
            var restored = Path.Combine(globalPackages, id.ToLowerInvariant(), Repository.Version, "lib", "net10.0", id + ".dll");
            var shipped = PackageFile.Read(packed.Package(id)).Bytes($"lib/net10.0/{id}.dll");
            (await File.ReadAllBytesAsync(Path.Combine(app, "bin", "Release", "net10.0", id + ".dll"), TestContext.Current.CancellationToken))
                .Should().Equal(shipped, $"the app's {id}.dll is the packed one");
            File.Exists(restored).Should().BeTrue($"{id} was restored into the app's own packages folder");
        }
    }

    private static void WriteApp(string app, string packageFolder, IReadOnlyList<string> feeds)
    {
        // Empty Directory.* files stop MSBuild's search upwards: nothing of the temp folder's parents applies.
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");

        var sources = feeds.Select((url, i) => $"    <add key=\"feed{i}\" value=\"{SecurityElement.Escape(url)}\" />\n");
        var mappings = feeds.Select((_, i) => $"    <packageSource key=\"feed{i}\">\n      <package pattern=\"*\" />\n    </packageSource>\n");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="complaints-packed" value="{SecurityElement.Escape(packageFolder)}" />
            {string.Concat(sources)}  </packageSources>
              <!-- Complaints.* only from the freshly packed folder, never from a feed. -->
              <packageSourceMapping>
                <packageSource key="complaints-packed">
                  <package pattern="Complaints.*" />
                </packageSource>
            {string.Concat(mappings)}  </packageSourceMapping>
            </configuration>

            """);

        var references = string.Concat(Referenced.Select(id => $"    <PackageReference Include=\"{id}\" Version=\"{Repository.Version}\" />\n"));
        File.WriteAllText(Path.Combine(app, "ConsumerApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {references}    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="{Repository.CentralVersions["Microsoft.Extensions.DependencyInjection"]}" />
              </ItemGroup>
            </Project>

            """);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "ConsumerApp", "Program.cs"), Path.Combine(app, "Program.cs"));
    }

    /// <summary>The enabled HTTP feeds this machine's NuGet configuration names, as seen from outside the repository.</summary>
    private static async Task<IReadOnlyList<string>> MachineFeedsAsync(string outside)
    {
        var list = await Dotnet.RunAsync(outside, ["nuget", "list", "source", "--format", "short"]);
        list.ExitCode.Should().Be(0, list.Describe());
        var feeds = list.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith('E'))
            .Select(l => l[1..].Trim())
            .Where(u => u.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        feeds.Should().NotBeEmpty($"the app restores its third-party packages from the machine's feed; `dotnet nuget list source` said:\n{list.Output}");
        return feeds;
    }
}
