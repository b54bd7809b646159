using System.Text;
using Complaints.Commands;
using Complaints.Notifications;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Tests.Support;
using CsCheck;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Properties;

/// <summary>
/// A random actor (any id, roles and department, including the accused, the complainant and people with no relation to
/// the case) against a case in a random state, received by the complainant themselves: everything that actor gets back —
/// the case, the journal, the desk query, the allowed actions, the guidance, a command's result or its refusal — names
/// the complainant only if the policy lets them see the identity, and the notifications to staff never do.
/// Reproduce a failure with <c>CsCheck_Seed=&lt;seed&gt; dotnet test</c>.
/// </summary>
public sealed class RedactionPropertyTests
{
    private const string Name = "Qiao Marker";
    private const string Phone = "+86 139 5555 6666";
    private const string Email = "qiao.marker@example.com";
    private const string EvidenceName = "qiao-marker-photo.jpg";
    private static readonly Actor Complainant = new(new ActorId("qiao"), "Qiao (sales)", [ComplaintRoles.Staff], Sales);

    private static readonly ComplaintState[] States =
    [
        ComplaintState.Received, ComplaintState.Triaged, ComplaintState.Assigned, ComplaintState.Investigating,
        ComplaintState.AwaitingApproval, ComplaintState.AwaitingCustomer, ComplaintState.FollowUp, ComplaintState.Closed,
    ];

    private static readonly string[] Ids = ["coord", "han", "li", "mgr", "smgr", "wang", "qiao", "out", "aud", "gm", "desk", "x1"];
    private static readonly string[] Roles =
        [ComplaintRoles.Coordinator, ComplaintRoles.Handler, ComplaintRoles.Manager, ComplaintRoles.GeneralManager, ComplaintRoles.Auditor, ComplaintRoles.Staff];
    private static readonly DepartmentId?[] Departments = [Sales, ServiceDept, CustomerRelations, new DepartmentId("warehouse"), null];

    private static readonly Gen<Actor> Actors =
        from id in Gen.OneOfConst(Ids)
        from roles in Gen.Int[0, (1 << Roles.Length) - 1]
        from department in Gen.OneOfConst(Departments)
        from casing in Gen.Bool
        select new Actor(
            new ActorId(casing ? " " + id.ToUpperInvariant() : id), // ids are one person whatever their case and spaces
            id,
            Roles.Where((_, i) => (roles & (1 << i)) != 0).ToArray(),
            department);

    private static readonly Gen<(Actor Actor, ComplaintState State, int Command, bool Materials)> Cases =
        Gen.Select(Actors, Gen.OneOfConst(States), Gen.Int[0, 5], Gen.Bool);

    [Fact]
    public async Task RandomActors_OnEveryReadPath_SeeTheComplainantOnlyWhereThePolicyAllows()
    {
        var shown = 0;
        var hidden = 0;
        await Cases.SampleAsync(
            async sample =>
            {
                var (actor, state, command, materials) = sample;
                var h = new Harness();
                if (materials)
                {
                    h.Policy.WithheldFromTheAccusedDepartment = ConfidentialParts.Materials;
                }

                var id = await h.DriveTo(state, Intake(), by: Complainant);
                var stored = await h.Stored(id);
                var mayReadCase = await h.Sees(id, actor);
                var view = stored.IsAccused(actor.Id)
                    ? new ConfidentialityDecision(false, "accused", new PolicyExplanation(TestPolicy.Ref, [])) { Withheld = ConfidentialParts.Materials }
                    : h.Policy.CheckConfidentiality(stored, actor);
                var mayNameThem = view.MaySeeIdentity;
                var output = new StringBuilder();

                await Collect(output, () => h.Service.GetAsync(id, actor));
                await Collect(output, () => h.Service.GetJournalAsync(id, actor));
                await Collect(output, () => h.Service.QueryAsync(actor, new ComplaintQuery()));
                await Collect(output, () => h.Service.GetAllowedActionsAsync(id, actor));
                await Collect(output, () => h.Service.GetGuidanceAsync(id, actor));
                await Collect(output, () => h.Service.ExecuteAsync(id, actor, Command(command)));

                var text = output.ToString();
                var reveals = Markers(actor).Where(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)).ToArray();
                if (mayReadCase && mayNameThem)
                {
                    shown++;
                }
                else
                {
                    hidden++;
                    reveals.Should().BeEmpty($"{actor.Id} ({string.Join(",", actor.Roles)}; {actor.Department}) may not see who complained about the case in {state}; output: {text}");
                }

                if (!mayReadCase || (view.Withheld & ConfidentialParts.Description) != 0)
                {
                    text.Should().NotContain("unofficial fee", "the complaint's text goes only to those who may read it");
                }

                var toStaff = (await h.Store.ReadOutboxAsync(id)).Where(m => m.Notification.Recipient != Notification.Complainant);
                Json(toStaff).Should().NotContainAny(Name, Phone, Email, EvidenceName);
            },
            iter: 250,
            threads: 1);

        shown.Should().BeGreaterThan(10, "the generator should produce readers who may see the complainant");
        hidden.Should().BeGreaterThan(10, "and readers who may not");
    }

    private static string[] Markers(Actor reader) =>
        reader.Id == Complainant.Id
            ? [Name, Phone, Email, EvidenceName]
            : [Name, Phone, Email, EvidenceName, "\"qiao\"", "Qiao (sales)"];

    private static ComplaintIntake Intake() =>
        Harness.Intake(complainant: new Complaints.Complainant(Name, new ContactDetails(Phone: Phone, Email: Email), StaffId: Complainant.Id)) with
        {
            Description = "Wang asked for an unofficial fee to deliver on time.",
            Evidence = [new EvidenceReference(EvidenceName, "Taken by " + Name)],
        };

    private static ComplaintCommand Command(int i) => i switch
    {
        0 => new Escalate("Called again."),
        1 => new Assign(Handler2),
        2 => new AddEvidence(new EvidenceReference("note.txt")),
        3 => new Approve(),
        4 => new RecordFindings(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Confirmed.")),
        _ => new Triage(),
    };

    private static async Task Collect<T>(StringBuilder output, Func<Task<T>> read)
    {
        try
        {
            output.AppendLine(Json(await read()));
        }
        catch (RecusalRequiredException e)
        {
            output.AppendLine(e.Message).AppendLine(e.Reason).AppendJoin(',', e.Rules).AppendLine();
        }
        catch (ComplaintException e)
        {
            output.AppendLine(e.Message);
        }
    }

    private static string Json<T>(T value) => Harness.Json(value);
}
