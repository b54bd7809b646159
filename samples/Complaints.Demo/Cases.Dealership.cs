using Complaints.Commands;
using static Complaints.Demo.Dealership;

namespace Complaints.Demo;

/// <summary>The dealership's day under the <c>auto-dealership</c> pack.</summary>
internal static partial class Cases
{
    public const string DealershipPack = "auto-dealership";

    public static IReadOnlyList<Script> DealershipCases() => [GearboxAgain()];

    /// <summary>
    /// A repair-quality claim of 6,800 CNY: above the advisor's 200 CNY, so the service manager approves first, then the
    /// general manager, who approves every dealership remedy; the general manager cannot take the manager's step.
    /// </summary>
    private static Script GearboxAgain() => new Script(DealershipPack, "Gearbox failed a third time after repair", RelationsManager)
        .Receive(Mar(3, 9, 20), Advisor, Intake(
            Channel.Phone, Person("Li Qiang", phone: "+86 137 0000 3333"),
            new ComplaintSubject(SubjectKind.Service, "Gearbox repair, job card 2602-0418", Service, Reference: "粤B 8K213"),
            "The gearbox you rebuilt in January and again in February failed on the ring road on 2 March; I had the car towed to another garage, which found a bolt left loose.",
            "repair-quality", "Pay the other garage's bill", Cny(6_800)) with
        { Attributes = new Dictionary<string, string> { ["licence-plate"] = "粤B 8K213" } })
        .Then(Mar(3, 9, 28), Advisor, new ConfirmReadBack())
        .Then(Mar(3, 9, 40), RelationsManager, new Triage())
        .Then(Mar(3, 9, 45), RelationsManager, new Assign(ServiceAdvisor))
        .Then(Mar(3, 10, 30), ServiceAdvisor, new StartInvestigation())
        .Then(Mar(3, 11, 0), ServiceAdvisor, new AddEvidence(new("dms://job-cards/2602-0418", "torque not recorded for the bell-housing bolts")))
        .Then(Mar(3, 11, 30), ServiceAdvisor, new AddEvidence(new("invoice://huanan-auto/26-0302-17", "other garage: 6,800 CNY, loose bolt photographed")))
        .Then(Mar(3, 14, 0), ServiceAdvisor, new RecordFindings(new(FindingOutcome.Substantiated, RootCause.StaffError, "The second repair skipped the torque check.")))
        .Then(Mar(3, 14, 30), ServiceAdvisor, new ProposeRemedy(new(RemedyKind.Compensation, "Pay the other garage's 6,800 CNY invoice; a year's free servicing", Cny(6_800))))
        .Refused(Mar(3, 15, 0), GeneralManager, new Approve("Pay it."))
        .Then(Mar(3, 15, 30), ServiceManager, new Approve("Our fault; torque checks are now signed off."))
        .Then(Mar(4, 9, 30), GeneralManager, new Approve("Approved: every remedy is the general manager's to agree."))
        .Then(Mar(4, 10, 0), RelationsManager, new CommunicateDecision(Channel.Phone, "We pay the 6,800 CNY invoice and service the car free for a year."))
        .Then(Mar(4, 10, 10), RelationsManager, new RecordCustomerAcceptance("Fine, as long as it is paid this week."))
        .Then(Mar(4, 10, 20), ServiceAdvisor, new CompleteImplementation("6,800 CNY paid to the customer; free-servicing voucher issued."))
        .Then(Mar(9, 11, 0), RelationsManager, new RecordFollowUp(Satisfaction.Satisfied, "Car running well."))
        .Then(Mar(9, 11, 10), RelationsManager, new Close("Compensated; torque sign-off added to gearbox job cards."));
}
