using System.Runtime.CompilerServices;
using Complaints;
using Complaints.Commands;
using Complaints.OwnPolicyHost;
using Complaints.Workflow;
using Microsoft.Extensions.DependencyInjection;

// Takes one complaint from receipt to Closed under a policy written in code ("own") or the generic pack ("pack"),
// then prints the names of the assemblies the process loaded, one per line after "loaded:".
if (args is not ["own" or "pack"])
{
    Console.Error.WriteLine("Usage: dotnet Complaints.OwnPolicyHost.dll own|pack");
    return 2;
}

var services = new ServiceCollection();
var complaints = services.AddComplaints();
if (args[0] == "own")
{
    complaints.UsePolicy(new CodePolicy());
}
else
{
    UseGenericPack(complaints);
}

await using var provider = services.BuildServiceProvider();
var service = provider.GetRequiredService<ComplaintService>();
var desk = new Actor(new ActorId("desk"), "Desk", [ComplaintRoles.Staff]);
var coordinator = new Actor(new ActorId("chen"), "Chen", [ComplaintRoles.Coordinator, ComplaintRoles.Manager]);
var handler = new Actor(new ActorId("li"), "Li", [ComplaintRoles.Handler], new DepartmentId("finance"));
var intake = new ComplaintIntake(
    ComplaintKind.Complaint, Channel.Email, new Complainant("Liu Yang", new ContactDetails(Phone: "+86 138 0000 0000")),
    new ComplaintSubject(SubjectKind.Service, "Billing", new DepartmentId("finance")), "I was charged twice.", Category: "billing");

var id = (await service.ReceiveAsync(desk, intake)).Complaint.Id;
ComplaintCommand[] byCoordinator = [new Triage(), new Assign(handler)];
foreach (var command in byCoordinator)
{
    await service.ExecuteAsync(id, coordinator, command);
}

ComplaintCommand[] byHandler =
[
    new StartInvestigation(),
    new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.ProcessGap, "Charged twice by a billing run.")),
    new ProposeRemedy(new RemedyProposal(RemedyKind.Apology, "We apologise.")),
];
foreach (var command in byHandler)
{
    await service.ExecuteAsync(id, handler, command);
}

var state = (await service.GetAsync(id, coordinator)).State;
Console.WriteLine($"state: {state}");
Console.WriteLine("loaded:");
foreach (var name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))
{
    Console.WriteLine(name);
}

return 0;

// Its own method, so that compiling the lines above does not load Complaints.Rules for the "own" run.
[MethodImpl(MethodImplOptions.NoInlining)]
static void UseGenericPack(ComplaintsBuilder complaints) => complaints.UsePack("generic");
