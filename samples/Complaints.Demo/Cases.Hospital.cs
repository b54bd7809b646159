using Complaints.Commands;
using static Complaints.Demo.Hospital;

namespace Complaints.Demo;

/// <summary>The hospital's day: six complaints under the <c>hospital</c> pack.</summary>
internal static partial class Cases
{
    public const string HospitalPack = "hospital";

    public static IReadOnlyList<Script> HospitalCases() =>
        [DoubleCharge(), CallBell(), SurgeryComplication(), PrivateRoom(), OutsidePharmacy(), WrongFloor()];

    /// <summary>A billing complaint handled within the handler's authority and closed.</summary>
    private static Script DoubleCharge() => new Script(HospitalPack, "1. Charged twice for a CT scan", Coordinator)
        .Receive(Mar(2, 9, 10), Coordinator, Intake(
            Channel.Email, Person("Zhang Wei", email: "zhang.wei@example.com"),
            new ComplaintSubject(SubjectKind.Service, "Outpatient billing", Finance, Reference: "invoice 0227-117"),
            "I was charged twice for my CT scan on 27 February (430 CNY each time).", "billing", "Refund the second charge", Cny(430)))
        .Then(Mar(2, 10, 0), Coordinator, new Triage())
        .Then(Mar(2, 10, 5), Coordinator, new Assign(FinanceHandler))
        .Then(Mar(2, 14, 0), FinanceHandler, new StartInvestigation())
        .Then(Mar(2, 14, 30), FinanceHandler, new AddEvidence(new("his://payments/0227-117", "two card payments 41 s apart")))
        .Then(Mar(3, 11, 0), FinanceHandler, new RecordFindings(new(FindingOutcome.Substantiated, RootCause.ProcessGap, "The card terminal retried after a time-out.")))
        .Then(Mar(3, 11, 20), FinanceHandler, new ProposeRemedy(new(RemedyKind.Refund, "Refund the duplicate charge", Cny(430))))
        .Then(Mar(3, 15, 0), FinanceHandler, new CommunicateDecision(Channel.Phone, "430 CNY back to your card within 3 days."))
        .Then(Mar(3, 15, 5), FinanceHandler, new RecordCustomerAcceptance("Thank you."))
        .Then(Mar(4, 10, 0), FinanceHandler, new CompleteImplementation("430 CNY refunded to the card."))
        .Then(Mar(9, 10, 0), Coordinator, new RecordFollowUp(Satisfaction.Satisfied, "Refund received."))
        .Then(Mar(9, 10, 10), Coordinator, new Close("Refunded; IT stops terminal retries from charging twice."));

    /// <summary>A conduct complaint: the head nurse is recused (same department as the accused), the general office handles it.</summary>
    private static Script CallBell() => new Script(HospitalPack, "2. Night nurse ignored the call bell", Coordinator)
        .Receive(Mar(2, 8, 40), DeskClerk, Intake(
            Channel.WalkIn, Person("Wang Fang", phone: "+86 139 0000 1111"),
            new ComplaintSubject(SubjectKind.StaffMember, "Nurse Li, ward 5", Nursing, NurseLi.Id, "ward 5"),
            "My husband rang the call bell at 2 a.m. on 1 March; the nurse came 40 minutes later and shouted at him.",
            "conduct", "An apology and better night care"))
        .Then(Mar(2, 8, 50), DeskClerk, new ConfirmReadBack(ReadBackMethod.SignedTranscript))
        .Then(Mar(2, 9, 30), Coordinator, new Triage())
        .Refused(Mar(2, 9, 35), Coordinator, new Assign(HeadNurse))
        .Then(Mar(2, 9, 40), Coordinator, new Assign(OfficeHandler))
        .Then(Mar(2, 11, 0), OfficeHandler, new StartInvestigation())
        .Then(Mar(2, 11, 30), OfficeHandler, new AddEvidence(new("nurse-call://ward5/2026-03-01", "bell 02:04, answered 02:45")))
        .Then(Mar(3, 9, 0), OfficeHandler, new HearAccused("Two patients worsened at once and I was alone; I was curt and I am sorry."))
        .Then(Mar(3, 10, 0), OfficeHandler, new RecordFindings(new(FindingOutcome.Substantiated, RootCause.ProcessGap, "One nurse on nights for 38 beds; the reply was rude.")))
        .Then(Mar(3, 10, 30), OfficeHandler, new ProposeRemedy(new(RemedyKind.Apology, "Apology in person; a second night nurse on ward 5")))
        .Then(Mar(3, 14, 0), OfficeHandler, new CommunicateDecision(Channel.WalkIn, "Apology from the ward; a second night nurse from 9 March."))
        .Then(Mar(3, 14, 10), OfficeHandler, new RecordCustomerAcceptance())
        .Then(Mar(9, 9, 0), OfficeHandler, new CompleteImplementation("Second night nurse on ward 5; Nurse Li apologised."))
        .Then(Mar(10, 10, 0), Coordinator, new RecordFollowUp(Satisfaction.Satisfied))
        .Then(Mar(10, 10, 15), Coordinator, new Close("Night staffing of ward 5 raised; courtesy briefing for night nurses."));

    /// <summary>A major complaint with a large claim: emergency meeting, then the manager and the general manager approve.</summary>
    private static Script SurgeryComplication() => new Script(HospitalPack, "3. Wound infection missed after surgery", Coordinator)
        .Receive(Mar(3, 16, 0), Coordinator, Intake(
            Channel.Email, Person("Zhao Min", email: "zhao.min@example.com"),
            new ComplaintSubject(SubjectKind.StaffMember, "Dr Wu, general surgery", Surgery, DrWu.Id),
            "My father's wound infection was missed for three days after his operation; he needed a second one. We will go to the press.",
            "medical-care", "Pay for the second operation and lost income", Cny(80_000)) with
        { Flags = ComplaintFlags.HealthRisk | ComplaintFlags.MediaThreat })
        .Then(Mar(3, 16, 30), Coordinator, new Triage())
        .Then(Mar(3, 17, 0), President, new RecordEmergencyMeeting(
            ["Huang (president)", "He (medical affairs)", "Qian (surgery)", "Chen (patient relations)"],
            "Medical affairs investigates; the president meets the family; no press statement before the findings."))
        .Then(Mar(3, 17, 10), Coordinator, new Assign(MedicalHandler))
        .Then(Mar(4, 9, 0), MedicalHandler, new StartInvestigation())
        .Then(Mar(4, 11, 0), MedicalHandler, new AddEvidence(new("emr://ward-observation/21-24-feb", "no wound check for 60 hours")))
        .Then(Mar(5, 10, 0), MedicalHandler, new HearAccused("A resident covered the weekend round and reported the wound clean."))
        .Then(Mar(9, 15, 0), MedicalHandler, new RecordFindings(new(FindingOutcome.PartlySubstantiated, RootCause.ProcessGap, "Wound checks were skipped at the weekend handover.")))
        .Then(Mar(10, 10, 0), MedicalHandler, new ProposeRemedy(new(RemedyKind.Compensation, "Pay the second operation and lost income; weekend wound checks", Cny(60_000))))
        .Peek(Mar(10, 11, 0), SurgeryChief)
        .Refused(Mar(10, 11, 5), SurgeryChief, new Approve("Fine by surgery."))
        .Then(Mar(10, 14, 0), MedicalDirector, new Approve("Within the hospital's liability."))
        .Then(Mar(11, 9, 30), President, new Approve("Approved; I will meet the family."))
        .Then(Mar(11, 15, 0), MedicalHandler, new CommunicateDecision(Channel.WalkIn, "Met the family with the president: 60,000 CNY and a new protocol."))
        .Then(Mar(11, 15, 30), MedicalHandler, new RecordCustomerAcceptance("The family accepts."))
        .Then(Mar(13, 10, 0), MedicalHandler, new CompleteImplementation("60,000 CNY paid; weekend wound checks on all surgical wards."))
        .Then(Mar(16, 10, 0), Coordinator, new RecordFollowUp(Satisfaction.Satisfied, "Father recovering."))
        .Then(Mar(16, 10, 30), Coordinator, new Close("Compensated; wound checks added to the surgical weekend handover."));
}
