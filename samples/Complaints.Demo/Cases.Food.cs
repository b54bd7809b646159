using Complaints.Commands;
using static Complaints.Demo.Canteens;

namespace Complaints.Demo;

/// <summary>The food distributor's day under the <c>food-service</c> pack.</summary>
internal static partial class Cases
{
    public const string FoodPack = "food-service";

    public static IReadOnlyList<Script> FoodCases() => [SourPork()];

    /// <summary>
    /// Spoiled food with a health risk: a major complaint (1-hour acknowledgement, 24-hour resolution); the pack's guidance
    /// calls for a product hold, which the inspector places on the batch and releases as withdrawn once it is replaced;
    /// an emergency meeting, then the manager and the general manager approve.
    /// </summary>
    private static Script SourPork() => new Script(FoodPack, "Sour-smelling braised pork at a school canteen", DutyManager)
        .Receive(Mar(4, 3, 40), DutyManager, Intake(
            Channel.Hotline, Person("Yang Li (canteen chef, No. 3 Middle School)", phone: "+86 136 0000 5555"),
            new ComplaintSubject(SubjectKind.Product, "Braised pork, batch 0304-BP2", Reference: "delivery note 0304-117"),
            "The braised pork delivered at 10:30 for 600 pupils has a sour smell and looks slimy; we have not served it.",
            null, "Replace it before lunch and find out why", Cny(1_200)) with
        { Flags = ComplaintFlags.HealthRisk })
        .Then(Mar(4, 3, 42), DutyManager, new ConfirmReadBack())
        .Then(Mar(4, 3, 45), DutyManager, new Triage())
        .Guidance(Mar(4, 3, 46), DutyManager)
        .Then(Mar(4, 3, 50), DutyManager, new Assign(Inspector))
        .Then(Mar(4, 3, 55), Inspector, new StartInvestigation())
        .Then(Mar(4, 4, 0), Inspector, new PlaceHold("Braised pork", "Sour smell and slimy look reported at a canteen", "batch 0304-BP2, delivered to 14 canteens"))
        .Then(Mar(4, 4, 10), Inspector, new ReleaseHold(1, HoldCheckResult.Withdrawn,
            "Batch 0304-BP2 withdrawn from 14 canteens and replaced; delivery staff told; the day's other braised dishes checked: normal"))
        .Then(Mar(4, 4, 30), GeneralManager, new RecordEmergencyMeeting(
            ["Xu (general manager)", "Sun (quality control)", "Kong (duty manager)", "delivery supervisor"],
            "Hold the batch; replace at all canteens before lunch; check truck 7's cold chain; the manager in charge visits the school."))
        .Then(Mar(4, 6, 0), Inspector, new AddEvidence(new("coldchain://truck-7/2026-03-04", "truck 7 at 14 °C for two hours; retained sample sour")))
        .Then(Mar(4, 8, 0), Inspector, new RecordFindings(new(FindingOutcome.Substantiated, RootCause.ProductDefect, "Truck 7's refrigeration failed on the morning round.")))
        .Then(Mar(4, 8, 30), Inspector, new ProposeRemedy(new(RemedyKind.Compensation, "Replacement served; today's pork refunded; a visit by the manager in charge", Cny(1_200))))
        .Then(Mar(4, 9, 0), QualityManager, new Approve("Agreed; truck 7 out of service."))
        .Then(Mar(4, 9, 30), GeneralManager, new Approve("Approved."))
        .Then(Mar(4, 10, 0), Inspector, new CommunicateDecision(Channel.OnSite, "Visited the canteen: cause found, batch held, 1,200 CNY refunded."))
        .Then(Mar(4, 10, 10), Inspector, new RecordCustomerAcceptance("Thank you for coming at once."))
        .Then(Mar(5, 2, 0), Inspector, new CompleteImplementation("Refund paid; truck 7 repaired; temperature alarms on all trucks."))
        .Then(Mar(6, 2, 0), Specialist, new RecordFollowUp(Satisfaction.Satisfied))
        .Then(Mar(6, 2, 10), Specialist, new Close("Major food-safety complaint closed within the day; cold-chain alarms fitted."));
}
