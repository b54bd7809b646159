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
    Usage: dotnet run --project samples/Complaints.Demo [-- [--out DIR] [--db PATH] [--reset]]

    Runs six hospital complaints through their lives, prints each timeline with the policy's
    reasons and a summary, and writes the lifecycle diagram to DIR/lifecycle.mmd (Mermaid)
    and DIR/lifecycle.dot (Graphviz). The cases are kept in a SQLite file; each run adds six
    new ones.

      --out DIR    where to write the diagrams (default: the current directory)
      --db PATH    the SQLite file to keep the cases in (default: complaints-demo.db here)
      --reset      delete the SQLite file first
      -h, --help   show this help
    """;

var outDir = ".";
var dbPath = "complaints-demo.db";
var reset = false;
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
        case "--db" when i + 1 < args.Length && !args[i + 1].StartsWith('-'):
            dbPath = args[++i];
            break;
        case "--reset":
            reset = true;
            break;
        default:
            Console.Error.WriteLine(args[i] switch
            {
                "--out" => "--out needs a directory.",
                "--db" => "--db needs a file path.",
                _ => $"Unknown argument: {args[i]}",
            });
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
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dbPath))!);
if (reset)
{
    foreach (var file in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" })
    {
        File.Delete(file);
    }
}

services.AddComplaints(options => options.UsePack("hospital").ReopenWindow = TimeSpan.FromDays(14))
    .UseSqlite($"Data Source={dbPath}");
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
    // The file may hold cases of earlier runs (on the same demo dates): the summary is of this run's six.
    var all = new List<Complaint>();
    foreach (var demoCase in cases)
    {
        all.Add(await service.GetAsync(demoCase.Id, Hospital.Coordinator));
    }

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
    var overdue = await service.QueryAsync(Hospital.Coordinator, new ComplaintQuery { DueBefore = clock.GetUtcNow(), Take = 1000 });
    Console.WriteLine($"   Overdue at {Timeline.Time(clock.GetUtcNow())}: {overdue.Count(c => titles.ContainsKey(c.Id))}");
    var stored = await provider.GetRequiredService<IComplaintStore>().CountAsync(new ComplaintCountQuery(ComplaintCountGrouping.State));
    Console.WriteLine($"   In {Path.GetFullPath(dbPath)}: {stored.Sum(c => c.Count)} cases ({string.Join(", ", stored.Select(c => $"{c.Key} {c.Count}"))})");
}
