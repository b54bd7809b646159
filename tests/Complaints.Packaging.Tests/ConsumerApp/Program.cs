// A fresh console app that uses the Complaints packages as a customer would: it references Complaints.Workflow,
// Complaints.Rules and Complaints.Storage.Sqlite from NuGet (never the repository's projects) and takes one complaint
// from receipt to Closed under the generic pack, on an SQLite file, then reads it back from a new container.
// Usage: ConsumerApp <path of the SQLite file>. Prints one line per step; exits 0 only if the case ends Closed.
using System.Reflection;
using Complaints;
using Complaints.Commands;
using Complaints.Rules;
using Complaints.Workflow;
using Microsoft.Extensions.DependencyInjection;

var database = args.Length == 1 ? args[0] : throw new ArgumentException("Usage: ConsumerApp <sqlite file>");
var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)); // a Monday, inside the shipped holiday data

Console.WriteLine($"Complaints.Workflow {Version(typeof(ComplaintService))}, Complaints.Rules {Version(typeof(PolicyPacks))}, Complaints.Storage.Sqlite {Version(typeof(Complaints.Storage.Sqlite.SqliteComplaintStore))}");
Console.WriteLine($"built-in packs: {string.Join(", ", PolicyPacks.BuiltIn)}");

var finance = new DepartmentId("finance");
var office = new Actor(new ActorId("chen"), "Chen (customer service)", [ComplaintRoles.Coordinator]);
var handler = new Actor(new ActorId("lin"), "Lin (finance)", [ComplaintRoles.Handler], finance);
var approvers = new[]
{
    new Actor(new ActorId("li"), "Li (finance manager)", [ComplaintRoles.Manager], finance),
    new Actor(new ActorId("wu"), "Wu (general manager)", [ComplaintRoles.GeneralManager], new DepartmentId("management")),
};

ComplaintId id;
await using (var provider = Build(database, clock))
{
    var complaints = provider.GetRequiredService<ComplaintService>();
    var received = await complaints.ReceiveAsync(office, new ComplaintIntake(
        ComplaintKind.Complaint,
        Channel.Email,
        new Complainant("Zhang Wei", new ContactDetails(Email: "zhang.wei@example.com")),
        new ComplaintSubject(SubjectKind.Service, "Billing", finance, Reference: "invoice 0227-117"),
        "I was charged twice for the same order on 27 February (430 CNY each time).",
        Category: "billing",
        ClaimedAmount: new Money(430, "CNY")));
    id = received.Complaint.Id;
    Console.WriteLine($"received {id} -> {received.Complaint.State}");

    async Task Step(Actor actor, ComplaintCommand command, TimeSpan later)
    {
        clock.Advance(later);
        var result = await complaints.ExecuteAsync(id, actor, command);
        Console.WriteLine($"{command.GetType().Name} by {actor.Id} -> {result.Complaint.State}");
    }

    await Step(office, new Triage(), TimeSpan.FromMinutes(30));
    await Step(office, new Assign(handler), TimeSpan.FromMinutes(5));
    await Step(handler, new StartInvestigation(), TimeSpan.FromHours(2));
    await Step(handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProcessGap, "The card terminal retried after a time-out.")), TimeSpan.FromHours(20));
    await Step(handler, new ProposeRemedy(new RemedyProposal(RemedyKind.Refund, "Refund the duplicate charge", new Money(430, "CNY"))), TimeSpan.FromMinutes(20));
    foreach (var approver in approvers)
    {
        if ((await complaints.GetAsync(id, office)).State == ComplaintState.AwaitingApproval)
        {
            await Step(approver, new Approve("Agreed."), TimeSpan.FromHours(1));
        }
    }

    await Step(handler, new CommunicateDecision(Channel.Phone, "430 CNY back to your card within 3 days."), TimeSpan.FromHours(3));
    await Step(handler, new RecordCustomerAcceptance("Thank you."), TimeSpan.FromMinutes(5));
    await Step(handler, new CompleteImplementation("430 CNY refunded to the card."), TimeSpan.FromDays(1));
    await Step(office, new RecordFollowUp(Satisfaction.Satisfied, "Refund received."), TimeSpan.FromDays(5));
    await Step(office, new Close("Refunded; terminal retries no longer charge twice."), TimeSpan.FromMinutes(10));
}

// A new container over the same file: the case, its journal and the decisions' reasons come back from SQLite.
await using (var provider = Build(database, clock))
{
    var complaints = provider.GetRequiredService<ComplaintService>();
    var stored = await complaints.GetAsync(id, office);
    var journal = await complaints.GetJournalAsync(id, office);
    Console.WriteLine($"reloaded {id}: {stored.State}, {journal.Count} journal entries, department {stored.Department?.Value}, deadlines met {stored.Deadlines.Count(d => d.MetAt is not null)}/{stored.Deadlines.Count}");
    if (stored.State != ComplaintState.Closed)
    {
        Console.Error.WriteLine($"expected Closed, found {stored.State}");
        return 1;
    }

    // A refused command: the library's frames in the stack trace carry file and line (the PDB is in the assembly).
    try
    {
        await complaints.ExecuteAsync(id, office, new Triage());
        Console.Error.WriteLine("expected a closed case to refuse Triage");
        return 1;
    }
    catch (ComplaintException e)
    {
        var frame = e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Complaints.", StringComparison.Ordinal));
        Console.WriteLine($"refused {e.GetType().Name}: {frame}");
    }
}

Console.WriteLine("OK: one complaint received, handled and closed through the packages");
return 0;

static ServiceProvider Build(string database, TimeProvider clock)
{
    var services = new ServiceCollection();
    services.AddSingleton(clock); // before AddComplaints, which adds the system clock only if none is registered
    services.AddComplaints().UsePack("generic").UseSqlite($"Data Source={database}");
    return services.BuildServiceProvider();
}

static string Version(Type type) =>
    type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";

/// <summary>A clock that moves only when told.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
