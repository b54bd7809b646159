using Spectre.Console;

namespace Complaints.Demo.Cfpb;

internal static class CfpbDemo
{
    public static Task<int> RunAsync(DemoOptions options, string? db, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken) =>
        Task.FromResult(0);
}
