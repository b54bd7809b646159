using System.Globalization;
using System.Text;
using Complaints;
using Complaints.Demo;
using Complaints.Ports;
using Complaints.Policy;
using Complaints.Workflow;
using Complaints.Workflow.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

const string Usage = """
    Usage: dotnet run --project samples/Complaints.Demo [-- --out DIR]

    Runs six hospital complaints through their lives, prints each timeline with the policy's
    reasons and a summary, and writes the lifecycle diagram to DIR/lifecycle.mmd (Mermaid)
    and DIR/lifecycle.dot (Graphviz).

      --out DIR    where to write the diagrams (default: the current directory)
      -h, --help   show this help
    """;

var outDir = ".";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        case "--out" when i + 1 < args.Length && !args[i + 1].StartsWith('-'):
            outDir = args[++i];
            break;
        default:
            Console.Error.WriteLine(args[i] == "--out" ? "--out needs a directory." : $"Unknown argument: {args[i]}");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

Console.OutputEncoding = Encoding.UTF8;
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// The clock goes in before AddComplaints, which only adds TimeProvider.System if none is registered.
var clock = new DemoClock(Cases.Start);
var services = new ServiceCollection();
services.AddSingleton<TimeProvider>(clock);
services.AddComplaints(options => options.UsePack("hospital").ReopenWindow = TimeSpan.FromDays(14));
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
var service = provider.GetRequiredService<ComplaintService>();
var policy = provider.GetRequiredService<PolicyCatalog>().Current;

try
{
    var cases = await new Desk(service, clock, policy).RunAsync(Cases.All());
    foreach (var demoCase in cases)
    {
        await Timeline.PrintAsync(service, Hospital.Coordinator, demoCase);
    }

    await PrintSummaryAsync(cases);
}
catch (ComplaintException ex)
{
    Console.Error.WriteLine($"The demo failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

Directory.CreateDirectory(outDir);
var mermaid = Path.Combine(outDir, "lifecycle.mmd");
File.WriteAllText(mermaid, ComplaintLifecycle.ToMermaid());
File.WriteAllText(Path.Combine(outDir, "lifecycle.dot"), ComplaintLifecycle.ToDot());
Console.WriteLine();
Console.WriteLine($"Lifecycle diagram written to {Path.GetFullPath(mermaid)} (and lifecycle.dot beside it).");
return 0;

async Task PrintSummaryAsync(IReadOnlyList<DemoCase> cases)
{
    var all = await service.QueryAsync(Hospital.Coordinator, new ComplaintQuery());
    var titles = cases.ToDictionary(c => c.Id, c => c.Title);
    var rows = all.Select(c => new[]
    {
        titles[c.Id], c.State.ToString(), c.Severity?.ToString() ?? "-", c.Department?.ToString() ?? "-",
        c.EscalationLevel.ToString(CultureInfo.InvariantCulture),
        c.Approvals.Count == 0 ? "-" : string.Join(", ", c.Approvals.Select(a => $"{a.Role} ({a.ApprovedBy})")),
    }).OrderBy(r => r[0], StringComparer.Ordinal).ToArray();

    Console.WriteLine();
    Console.WriteLine("== Summary");
    Table.Print("   ", ["Case", "State", "Tier", "Department", "Level", "Approved by"], rows);
    Console.WriteLine();
    Console.WriteLine("   Cases by final state: " + string.Join(", ", all.GroupBy(c => c.State).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
    var overdue = await service.QueryAsync(Hospital.Coordinator, new ComplaintQuery { DueBefore = clock.GetUtcNow() });
    Console.WriteLine($"   Overdue at {Timeline.Time(clock.GetUtcNow())}: {overdue.Count}");
}
