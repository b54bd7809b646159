using Complaints.Journal;
using Complaints.Policy;
using Complaints.Workflow.Access;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Confidentiality;

/// <summary>
/// What a reader is shown once the policy has decided: each confidential part of the case withheld exactly when
/// the decision withholds it, and everything else shown as it is, in the case, its journal and its explanations.
/// </summary>
public sealed class CaseViewTests
{
    private const string Withheld = CaseView.WithheldText;

    private static readonly DateTimeOffset At = Harness.Start;

    /// <summary>A case with every confidential part filled in: Wang is accused; the complainant is a customer.</summary>
    private static async Task<Complaint> InvestigatedCase(ComplaintIntake? intake = null)
    {
        var h = new Harness();
        var id = await h.Receive(intake ?? FullIntake());
        return (await h.Stored(id)) with
        {
            Evidence = [new EvidenceReference("cctv.mp4")],
            AccusedStatement = "I was polite.",
            Findings = new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Rude, as the footage shows."),
            Recusals = [new Recusal(Handler2.Id, "Is the complainant's cousin.", At)],
        };
    }

    private static ComplaintIntake FullIntake() => Harness.Intake() with
    {
        Location = "Store 12",
        Evidence = [new EvidenceReference("receipt.jpg"), new EvidenceReference("quote.pdf")],
        Attributes = new Dictionary<string, string> { ["order"] = "A-1" },
    };

    [Fact]
    public async Task Full_ShowsTheCaseAsItIs()
    {
        var complaint = await InvestigatedCase();

        CaseView.Full.Apply(complaint).Should().BeSameAs(complaint);
        CaseView.Full.IsFull.Should().BeTrue();
    }

    [Fact]
    public async Task IdentityWithheld_HidesWhoComplainedAndWhyAHandlerRecused_ButNotTheMaterials()
    {
        var complaint = await InvestigatedCase();

        var shown = new CaseView(false, ConfidentialParts.None).Apply(complaint);

        shown.Intake.Complainant.Should().Be(Complainant.Redacted);
        shown.Recusals.Should().ContainSingle().Which.Should().Be(new Recusal(Handler2.Id, Withheld, At));
        shown.Intake.Description.Should().Be(complaint.Intake.Description);
        shown.Intake.Location.Should().Be("Store 12");
        shown.Intake.DesiredRemedy.Should().Be(complaint.Intake.DesiredRemedy);
        shown.Intake.Attributes.Should().Equal(complaint.Intake.Attributes);
        shown.AccusedStatement.Should().Be("I was polite.");
        shown.Findings!.Summary.Should().Be("Rude, as the footage shows.");
        shown.ReceivedBy.Should().Be(Receiver, "a member of staff who received a customer's complaint is not the complainant");
        shown.Intake.Evidence.Should().Equal([new EvidenceReference(Withheld), new EvidenceReference(Withheld)], "evidence can name the complainant: withheld but counted");
        shown.Evidence.Should().Equal(new EvidenceReference(Withheld));
    }

    [Fact]
    public async Task MaterialsWithheld_FromAReaderWhoMaySeeTheIdentity_HideEachPart_AndNothingElse()
    {
        var complaint = await InvestigatedCase();

        var shown = new CaseView(true, ConfidentialParts.Materials).Apply(complaint);

        shown.Intake.Complainant.Should().Be(complaint.Intake.Complainant);
        shown.Recusals.Should().Equal(complaint.Recusals);
        shown.Intake.Description.Should().Be(Withheld);
        shown.Intake.Location.Should().Be(Withheld);
        shown.Intake.DesiredRemedy.Should().Be(Withheld);
        shown.Intake.Attributes.Should().BeEmpty();
        shown.Intake.Evidence.Should().Equal(new EvidenceReference(Withheld), new EvidenceReference(Withheld));
        shown.Evidence.Should().Equal(new EvidenceReference(Withheld));
        shown.AccusedStatement.Should().Be("I was polite.", "the accused's statement is not part of the materials");
        shown.Findings!.Summary.Should().Be("Rude, as the footage shows.");
    }

    [Fact]
    public async Task OnePartWithheld_HidesOnlyThatPart()
    {
        var complaint = await InvestigatedCase();

        var statementOnly = new CaseView(true, ConfidentialParts.AccusedStatement).Apply(complaint);
        var findingsOnly = new CaseView(true, ConfidentialParts.FindingsSummary).Apply(complaint);

        statementOnly.AccusedStatement.Should().Be(Withheld);
        statementOnly.Findings!.Summary.Should().Be("Rude, as the footage shows.");
        statementOnly.Evidence.Should().Equal(complaint.Evidence);
        statementOnly.Intake.Evidence.Should().Equal(complaint.Intake.Evidence);
        statementOnly.Intake.Description.Should().Be(complaint.Intake.Description);
        statementOnly.Intake.Attributes.Should().Equal(complaint.Intake.Attributes);
        findingsOnly.Findings!.Summary.Should().Be(Withheld);
        findingsOnly.Findings.Outcome.Should().Be(FindingOutcome.Substantiated);
        findingsOnly.AccusedStatement.Should().Be("I was polite.");
    }

    [Fact]
    public async Task PartsThatAreMissing_StayMissing()
    {
        var complaint = (await InvestigatedCase(Harness.Intake() with { Location = null, DesiredRemedy = null, Attributes = null })) with { AccusedStatement = null, Findings = null };

        var shown = new CaseView(false, ConfidentialParts.Materials | ConfidentialParts.AccusedStatement | ConfidentialParts.FindingsSummary).Apply(complaint);

        shown.Intake.Location.Should().BeNull();
        shown.Intake.DesiredRemedy.Should().BeNull();
        shown.Intake.Attributes.Should().BeNull();
        shown.AccusedStatement.Should().BeNull();
        shown.Findings.Should().BeNull();
    }

    [Fact]
    public async Task ComplainantWhoReceivedTheirOwnComplaint_IsWithheldAsTheReceiver_InTheCaseAndTheJournal()
    {
        var h = new Harness();
        var intake = Harness.Intake(complainant: new Complainant("Desk clerk", new ContactDetails(), StaffId: Receiver.Id));
        var id = await h.Receive(intake, Receiver);
        await h.Do(id, Coordinator, new Commands.Triage());
        var complaint = await h.Stored(id);
        var journal = await h.Journal(id);

        var hidden = new CaseView(false, ConfidentialParts.None);
        var shown = new CaseView(true, ConfidentialParts.Materials);

        hidden.Apply(complaint).ReceivedBy.Should().Be(CaseView.WithheldActor);
        hidden.Apply(complaint, journal).Select(e => e.Actor).Should().Equal(CaseView.WithheldActor, Coordinator);
        shown.Apply(complaint).ReceivedBy.Should().Be(Receiver);
        shown.Apply(complaint, journal).Select(e => e.Actor).Should().Equal(Receiver, Coordinator);
    }

    [Fact]
    public async Task Journal_ForAReaderWhoMayNotSeeTheIdentity_KeepsTheActorsWhoAreNotTheComplainant()
    {
        var h = new Harness();
        var id = await h.DriveTo(Complaints.ComplaintState.Triaged);
        var complaint = await h.Stored(id);
        var journal = await h.Journal(id);

        var shown = new CaseView(false, ConfidentialParts.None).Apply(complaint, journal);

        shown.Select(e => e.Actor).Should().Equal(Receiver, Coordinator);
        shown[0].Event.Should().BeOfType<ComplaintReceived>().Which.Intake.Complainant.Should().Be(Complainant.Redacted);
        CaseView.Full.Apply(complaint, journal).Should().BeSameAs(journal);
    }

    public static TheoryData<string, ConfidentialParts, bool, ComplaintEvent, ComplaintEvent> Events() => new()
    {
        { "recusal reason, identity withheld", ConfidentialParts.None, false, new HandlerRecused(Handler2.Id, "Cousin."), new HandlerRecused(Handler2.Id, Withheld) },
        { "recusal reason, identity shown", ConfidentialParts.Materials, true, new HandlerRecused(Handler2.Id, "Cousin."), new HandlerRecused(Handler2.Id, "Cousin.") },
        { "evidence, identity withheld", ConfidentialParts.None, false, new EvidenceAdded(new EvidenceReference("cctv.mp4")), new EvidenceAdded(new EvidenceReference(Withheld)) },
        { "evidence withheld", ConfidentialParts.Evidence, true, new EvidenceAdded(new EvidenceReference("cctv.mp4")), new EvidenceAdded(new EvidenceReference(Withheld)) },
        { "evidence shown", ConfidentialParts.Description, true, new EvidenceAdded(new EvidenceReference("cctv.mp4")), new EvidenceAdded(new EvidenceReference("cctv.mp4")) },
        { "statement withheld", ConfidentialParts.AccusedStatement, true, new AccusedHeard("I was polite."), new AccusedHeard(Withheld) },
        { "statement shown", ConfidentialParts.Materials, false, new AccusedHeard("I was polite."), new AccusedHeard("I was polite.") },
        { "findings withheld", ConfidentialParts.FindingsSummary, true, new FindingsRecorded(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Rude.")), new FindingsRecorded(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, Withheld)) },
        { "findings shown", ConfidentialParts.Materials, false, new FindingsRecorded(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Rude.")), new FindingsRecorded(new Findings(FindingOutcome.Substantiated, RootCause.StaffError, "Rude.")) },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void JournalEvent_ShowsOrWithholdsItsConfidentialPart(string scenario, ConfidentialParts withheld, bool identity, ComplaintEvent stored, ComplaintEvent expected)
    {
        _ = scenario;

        new CaseView(identity, withheld).Apply(stored).Should().Be(expected);
    }

    [Fact]
    public async Task RejectionByThePolicy_ForAReaderWhoMayNotSeeTheIdentity_KeepsTheDecision()
    {
        var h = new Harness();
        var id = await h.DriveTo(Complaints.ComplaintState.Triaged);
        var admissibility = (await h.Journal(id)).Select(e => e.Event).OfType<ComplaintTriaged>().Single().Admissibility;
        var rejection = new ComplaintRejected("Already filed in court.", admissibility);

        var shown = (ComplaintRejected)new CaseView(false, ConfidentialParts.None).Apply(rejection);

        shown.Decision.Should().NotBeNull("a withheld identity hides what the rules saw, not that there was a decision");
        shown.Decision!.Explanation.Rules.Select(r => r.Rule).Should().Equal(admissibility.Explanation.Rules.Select(r => r.Rule));
        shown.Decision.Explanation.Rules.Should().OnlyContain(r => r.Detail == null);
    }

    [Fact]
    public void Explanation_ForAPartialView_LosesTheValuesRulesSaw_AndKeepsWhichRulesMatched()
    {
        var explanation = new PolicyExplanation(new PolicyRef("pack", "1"), [new RuleTrace("staff-conduct", true, "accused: Wang"), new RuleTrace("default", false)]);

        var stripped = new CaseView(true, ConfidentialParts.Evidence).Apply(explanation);

        stripped.Rules.Select(r => (r.Rule, r.Matched, r.Detail)).Should().Equal(("staff-conduct", true, (string?)null), ("default", false, null));
        CaseView.Full.Apply(explanation).Should().BeSameAs(explanation);
    }
}
