using Complaints.Commands;
using static Complaints.Demo.Hospital;

namespace Complaints.Demo;

internal static partial class Cases
{
    /// <summary>The customer rejects the first remedy, asks for the manager, and accepts the second.</summary>
    private static Script PrivateRoom() => new Script(HospitalPack, "4. Billed for a private room not used", Coordinator)
        .Receive(Mar(4, 9, 15), Coordinator, Intake(
            Channel.OnlineForm, Person("Sun Hao", email: "sun.hao@example.com"),
            new ComplaintSubject(SubjectKind.Service, "Inpatient billing", Finance, Reference: "stay 23-26 Feb"),
            "I was billed three nights in a private room (800 CNY a night) but moved to a shared ward after the first.",
            "billing", "Refund the two nights", Cny(1_600)))
        .Then(Mar(4, 9, 45), Coordinator, new Triage())
        .Then(Mar(4, 10, 0), Coordinator, new Assign(FinanceHandler))
        .Then(Mar(4, 13, 0), FinanceHandler, new StartInvestigation())
        .Then(Mar(4, 15, 0), FinanceHandler, new AddEvidence(new("bed-mgmt://transfers/2026-02", "transfer entered on 25 Feb")))
        .Then(Mar(5, 10, 0), FinanceHandler, new RecordFindings(new(FindingOutcome.PartlySubstantiated, RootCause.ProcessGap, "The transfer was entered a day late.")))
        .Then(Mar(5, 10, 30), FinanceHandler, new ProposeRemedy(new(RemedyKind.Refund, "Refund one night", Cny(800))))
        .Then(Mar(5, 11, 0), FinanceHandler, new CommunicateDecision(Channel.Phone, "We refund 800 CNY for the night billed after the late entry."))
        .Then(Mar(5, 16, 0), FinanceHandler, new RecordCustomerRejection("I slept in the shared ward both nights; ask the nurses."))
        .Then(Mar(6, 9, 0), Coordinator, new Escalate("The patient asked for the finance manager to review it."))
        .Then(Mar(6, 11, 0), FinanceHandler, new AddEvidence(new("ward3://night-report/24-25-feb", "patient in bed 3-12 both nights")))
        .Then(Mar(6, 11, 30), FinanceHandler, new RecordFindings(new(FindingOutcome.Substantiated, RootCause.ProcessGap, "Moved on 24 February: two nights over-billed.")))
        .Then(Mar(6, 14, 0), FinanceHandler, new ProposeRemedy(new(RemedyKind.Refund, "Refund both nights, with an apology", Cny(1_600))))
        .Then(Mar(6, 15, 0), FinanceManager, new Approve("Agreed; bed transfers to be entered at once."))
        .Then(Mar(6, 15, 30), FinanceHandler, new CommunicateDecision(Channel.Phone, "Full refund of 1,600 CNY, and our apology."))
        .Then(Mar(6, 16, 0), FinanceHandler, new RecordCustomerAcceptance("Accepted."))
        .Then(Mar(9, 11, 0), FinanceHandler, new CompleteImplementation("1,600 CNY refunded."))
        .Then(Mar(12, 10, 0), Coordinator, new RecordFollowUp(Satisfaction.Satisfied))
        .Then(Mar(12, 10, 10), Coordinator, new Close("Refunded; ward transfers are now entered when the patient moves."));

    /// <summary>Not the hospital's to handle: the receiver marks it outside the remit and the pack redirects it at triage.</summary>
    private static Script OutsidePharmacy() => new Script(HospitalPack, "5. Overcharged at a private pharmacy", Coordinator)
        .Receive(Mar(5, 10, 0), Coordinator, Intake(
            Channel.OnlineForm, Person("Ma Jun"),
            new ComplaintSubject(SubjectKind.Other, "Kangjian Pharmacy, opposite the main gate"),
            "The pharmacy opposite the hospital charged me twice the listed price for insulin.", "billing", "Get the difference back", Cny(120))
            with { Attributes = new Dictionary<string, string> { ["outside-remit"] = "a private business: the market regulation bureau" } })
        .Then(Mar(5, 10, 20), Coordinator, new Triage());

    /// <summary>A minor complaint settled on the spot by the person who received it (当场处理).</summary>
    private static Script WrongFloor() => new Script(HospitalPack, "6. Sent to the wrong floor", Coordinator)
        .Receive(Mar(2, 9, 0), DeskClerk, Intake(
            Channel.WalkIn, Person("Liu Yang", phone: "+86 138 0000 2222"),
            new ComplaintSubject(SubjectKind.Service, "Outpatient guidance", ServiceDesk, Reference: "lobby sign B"),
            "The lobby sign sent me to the 3rd floor for a blood test; the lab is on the 2nd and I lost my place.",
            "service", "My place in the queue back"))
        .Then(Mar(2, 9, 5), DeskClerk, new ResolveOnSpot(new(RemedyKind.Apology, "Apologised, walked her to the lab, restored her queue number")));
}
