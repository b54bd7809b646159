using Complaints;
using Complaints.Commands;
using Complaints.Policy;
using Complaints.Rules;
using Complaints.Storage.Sqlite;
using Complaints.Testing;
using Complaints.Workflow;
using Microsoft.Extensions.Options;

// Issues commands against the SQLite file args[0] without end, from several tasks at once, some racing on one shared
// case, and prints "committed N" after each command that returned. The crash-safety test kills it mid-way.
if (args.Length != 1)
{
    Console.Error.WriteLine("Usage: dotnet Complaints.Storage.CrashChild.dll DATABASE-FILE");
    return 2;
}

using var store = new SqliteComplaintStore($"Data Source={args[0]}");
var service = new ComplaintService(
    store, new PolicyCatalog(PolicyPacks.LoadBuiltIn("generic")), new Complaints.Workflow.Calendars.WeekdayCalendar(), TimeProvider.System,
    Options.Create(new ComplaintsOptions()));
var coordinator = A.Coordinator();
var handler = A.Handler("handler-1");
var manager = A.Manager();
var committed = 0;
var gate = new Lock();

void Committed()
{
    lock (gate)
    {
        Console.Out.WriteLine($"committed {++committed}");
        Console.Out.Flush();
    }
}

async Task Do(ComplaintId id, Actor actor, ComplaintCommand command)
{
    await service.ExecuteAsync(id, actor, command);
    Committed();
}

var shared = (await service.ReceiveAsync(A.Receiver(), A.Complaint().InCategory("billing").BuildIntake())).Complaint.Id;
await Do(shared, coordinator, new Triage());
await Do(shared, coordinator, new Assign(handler));
await Do(shared, handler, new StartInvestigation());

async Task DriveCases(int worker)
{
    var categories = new[] { "billing", "delivery", "product-quality", "service-attitude" };
    for (var n = 0; ; n++)
    {
        var intake = A.Complaint().InCategory(categories[(worker + n) % categories.Length]).Claiming(100 * (n % 7)).BuildIntake();
        var id = (await service.ReceiveAsync(A.Receiver(), intake)).Complaint.Id;
        Committed();
        await Do(id, coordinator, new Triage());
        await Do(id, coordinator, new Assign(handler));
        await Do(id, handler, new StartInvestigation());
        await Do(id, handler, new AddEvidence(new EvidenceReference($"case-{worker}-{n}.pdf")));
        await Do(id, handler, new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProcessGap, "It happened.")));
        await Do(id, handler, new ProposeRemedy(A.Remedy(RemedyKind.Refund, 600 + n)));
        await Do(id, manager, new Approve("Agreed."));
        await Do(id, handler, new CommunicateDecision(Channel.Phone, "We will refund you."));
        await Do(id, handler, new RecordCustomerAcceptance());
        await Do(id, handler, new CompleteImplementation("Refunded."));
        await Do(id, handler, new RecordFollowUp(Satisfaction.Satisfied));
        await Do(id, coordinator, new Close("Resolved."));
    }
}

async Task RaceOnShared(int worker)
{
    for (var n = 0; ; n++)
    {
        try
        {
            await Do(shared, handler, new AddEvidence(new EvidenceReference($"w{worker}-{n}.jpg")));
        }
        catch (ConcurrencyException)
        {
            // Another command won the race; the next one goes on from the new version.
        }
    }
}

await Task.WhenAll(
    Task.Run(() => DriveCases(0)), Task.Run(() => DriveCases(1)), Task.Run(() => DriveCases(2)),
    Task.Run(() => RaceOnShared(0)), Task.Run(() => RaceOnShared(1)));
return 0;
