using System.Diagnostics;

namespace Complaints.Rules.Tests.DependencyInjection;

/// <summary>
/// A host that registers its own policy does not load the policy packs' engine: the workflow depends on
/// Complaints.Abstractions only, and the packs come in through <c>UsePack</c>. Checked in a child process
/// (tests/Complaints.OwnPolicyHost) that references Complaints.Rules, as a host with the package installed would.
/// </summary>
public sealed class OwnPolicyHostTests
{
    private static readonly string[] PackAssemblies = ["Complaints.Rules", "RulesEngine", "System.Linq.Dynamic.Core", "FastExpressionCompiler"];

    [Fact]
    public async Task HostWithItsOwnPolicy_HandlesACase_WithoutLoadingThePackEngine()
    {
        var (state, loaded) = await RunAsync("own");

        state.Should().Be("AwaitingApproval", "the code policy has a manager approve every remedy");
        loaded.Should().Contain(["Complaints.Workflow", "Complaints.Abstractions", "Stateless"]);
        loaded.Should().NotContain(PackAssemblies);
    }

    [Fact]
    public async Task HostOnAPack_LoadsThePackEngine()
    {
        // The same host on UsePack: what the test above looks for is there when it should be.
        var (state, loaded) = await RunAsync("pack");

        state.Should().Be("Approved", "the generic pack lets a handler offer an apology");
        loaded.Should().Contain(["Complaints.Rules", "RulesEngine"]);
    }

    private static async Task<(string State, string[] Loaded)> RunAsync(string mode)
    {
        var child = Path.Combine(AppContext.BaseDirectory, "Complaints.OwnPolicyHost.dll");
        File.Exists(child).Should().BeTrue("the test project references the child so it is built next to the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(child);
        start.ArgumentList.Add(mode);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.Should().Be(0, await errors);

        var lines = (await output).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var state = lines.Single(l => l.StartsWith("state: ", StringComparison.Ordinal))["state: ".Length..];
        return (state, lines.SkipWhile(l => l != "loaded:").Skip(1).ToArray());
    }
}
