using Complaints.Commands;
using Complaints.Journal;
using Complaints.Policy;
using Complaints.Ports;
using Complaints.Workflow.Tests.Support;
using static Complaints.Workflow.Tests.Support.People;

namespace Complaints.Workflow.Tests.Holds;

/// <summary>
/// Product holds (food-service §三.7: check the other foods of the same kind) as records: placed and released through
/// the journal, refused with the field named, releasable whatever became of the case, visible to every reader and in queries.
/// </summary>
public sealed class ProductHoldTests
{
    private const string CaseViewText = Complainant.Withheld;

    private static readonly PlaceHold PorkHold = new("Braised pork", "Sour smell reported at lunch.", "Delivery of 2 March, supplier Huaxin");

    [Fact]
    public async Task Place_RecordsTheHold_WithItsNumberWhoAndWhen_AndTheJournalReplaysToIt()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        h.Time.Advance(TimeSpan.FromMinutes(5));

        var held = await h.Do(id, Coordinator, PorkHold with { Product = "  Braised pork " });

        held.State.Should().Be(ComplaintState.Triaged, "a hold does not move the case");
        held.Holds.Should().Equal(new ProductHold(1, "Braised pork", "Sour smell reported at lunch.", "Delivery of 2 March, supplier Huaxin", h.Time.GetUtcNow(), Coordinator.Id));
        held.HasActiveHold.Should().BeTrue();
        (await h.Journal(id))[^1].Event.Should().Be(new ProductHoldPlaced(1, "Braised pork", "Sour smell reported at lunch.", "Delivery of 2 March, supplier Huaxin"));
        Harness.Json(ComplaintReplay.Replay(await h.Journal(id))).Should().Be(Harness.Json(await h.Stored(id)));
    }

    [Fact]
    public async Task Release_RecordsTheCheck_OnTheHoldNamed_AndLeavesTheOthersActive()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Investigating, Harness.ProductIntake());
        await h.Do(id, Handler, PorkHold);
        await h.Do(id, Handler, new PlaceHold("Steamed rice", "Served from the same kitchen."));
        h.Time.Advance(TimeSpan.FromHours(2));

        var released = await h.Do(id, Manager, new ReleaseHold(1, HoldCheckResult.Withdrawn, "The batch smelt sour; destroyed and replaced, delivery told."));

        released.Holds[0].Should().Match<ProductHold>(x =>
            x.ReleasedAt == h.Time.GetUtcNow() && x.ReleasedBy == Manager.Id && x.Result == HoldCheckResult.Withdrawn &&
            x.ReleaseNote == "The batch smelt sour; destroyed and replaced, delivery told." && !x.IsActive);
        released.Holds[1].Should().Match<ProductHold>(x => x.Number == 2 && x.IsActive);
        released.HasActiveHold.Should().BeTrue();
        Harness.Json(ComplaintReplay.Replay(await h.Journal(id))).Should().Be(Harness.Json(await h.Stored(id)));

        var done = await h.Do(id, Handler, new ReleaseHold(2, HoldCheckResult.Cleared));

        done.HasActiveHold.Should().BeFalse();
        done.Holds.Select(x => x.Result).Should().Equal(HoldCheckResult.Withdrawn, HoldCheckResult.Cleared);
    }

    public static TheoryData<PlaceHold, string> BadHolds() => new()
    {
        { new PlaceHold("", "Sour smell."), "Product" },
        { new PlaceHold("   ", "Sour smell."), "Product" },
        { new PlaceHold(null!, "Sour smell."), "Product" },
        { new PlaceHold("Braised\npork", "Sour smell."), "Product" },
        { new PlaceHold(new string('x', ComplaintLimits.NameLength + 1), "Sour smell."), "Product" },
        { new PlaceHold("Braised pork", " "), "Reason" },
        { new PlaceHold("Braised pork", "Sour smell.", " "), "Scope" },
    };

    [Theory]
    [MemberData(nameof(BadHolds))]
    public async Task Place_BadInput_IsRefusedNamingTheField_AndLeavesTheCaseUnchanged(PlaceHold command, string field)
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, command);

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal(field);
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    [Fact]
    public async Task Place_WithoutProduct_SaysWhatToGive()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new PlaceHold(" ", "Sour smell."));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Single().Message.Should().Contain("name the product category or kind of product held");
    }

    [Theory]
    [InlineData(3, "the case has no hold 3; give the number of an active hold (active now: 2).")]
    [InlineData(1, "hold 1 was already released at 2026-03-02 * (Cleared); give the number of an active hold (active now: 2).")]
    public async Task Release_AnUnknownOrReleasedHold_IsRefusedNamingNumber_AndLeavesTheCaseUnchanged(int number, string message)
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        await h.Do(id, Coordinator, PorkHold);
        await h.Do(id, Coordinator, new PlaceHold("Steamed rice", "Same kitchen."));
        await h.Do(id, Coordinator, new ReleaseHold(1, HoldCheckResult.Cleared));
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new ReleaseHold(number, HoldCheckResult.Withdrawn));

        var error = (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Single();
        error.Field.Should().Be("Number");
        error.Message.Should().Match(message);
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    [Theory]
    [InlineData(0, HoldCheckResult.Cleared, null, "Number")]
    [InlineData(1, (HoldCheckResult)7, null, "Result")]
    [InlineData(1, HoldCheckResult.Cleared, "bad\u0001note", "Note")]
    public async Task Release_BadInput_IsRefusedNamingTheField(int number, HoldCheckResult result, string? note, string field)
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        await h.Do(id, Coordinator, PorkHold);
        var before = Harness.Json(await h.Stored(id));

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new ReleaseHold(number, result, note));

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal(field);
        Harness.Json(await h.Stored(id)).Should().Be(before);
    }

    [Fact]
    public async Task Release_WithNoActiveHold_IsNotAllowed_SayingAHoldIsNeeded()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());

        var act = () => h.Service.ExecuteAsync(id, Coordinator, new ReleaseHold(1, HoldCheckResult.Cleared));

        var error = (await act.Should().ThrowAsync<InvalidTransitionException>()).Which;
        error.UnmetConditions.Should().Equal("an active product hold");
        error.Allowed.Should().Contain(ComplaintAction.PlaceHold).And.NotContain(ComplaintAction.ReleaseHold);
    }

    [Fact]
    public async Task SettledOnTheSpot_TheOwnerHoldsTheSameKindAfter_AndReleasesIt()
    {
        // Food-service: the duty manager replaces the dish on the spot (the case closes), then checks the same kind.
        var h = new Harness();
        var id = await h.Receive(Harness.ProductIntake(claim: null));
        await h.Do(id, Receiver, new ResolveOnSpot(new RemedyProposal(RemedyKind.Apology, "Replaced the dish.")));

        var held = await h.Do(id, Receiver, PorkHold);
        (await h.Service.GetAllowedActionsAsync(id, Receiver)).Should().Contain([ComplaintAction.PlaceHold, ComplaintAction.ReleaseHold]);
        var released = await h.Do(id, Receiver, new ReleaseHold(1, HoldCheckResult.Cleared, "The rest of the batch was fine."));

        held.State.Should().Be(ComplaintState.Closed);
        released.State.Should().Be(ComplaintState.Closed);
        released.HasActiveHold.Should().BeFalse();
    }

    [Fact]
    public async Task AHoldOutlivesTheCase_AWithdrawnCaseAllowsOnlyItsRelease()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        await h.Do(id, Coordinator, PorkHold);
        await h.Do(id, Coordinator, new Withdraw("The customer settled with the canteen."));

        (await h.Service.GetAllowedActionsAsync(id, Coordinator)).Should().Equal(ComplaintAction.ReleaseHold);
        var placeAgain = () => h.Service.ExecuteAsync(id, Coordinator, new PlaceHold("Steamed rice", "Same kitchen."));
        await placeAgain.Should().ThrowAsync<InvalidTransitionException>();

        var released = await h.Do(id, Coordinator, new ReleaseHold(1, HoldCheckResult.Cleared));

        released.State.Should().Be(ComplaintState.Withdrawn);
        (await h.Service.GetAllowedActionsAsync(id, Coordinator)).Should().BeEmpty();
    }

    [Fact]
    public async Task Place_BySomeoneWithoutRoleOrRelation_IsNotPermitted()
    {
        var h = new Harness();
        var id = await h.DriveTo(ComplaintState.Assigned, Harness.ProductIntake());

        // Li handles service cases but not this one: he sees it (his department), yet is neither owner, handler, coordinator nor manager.
        var act = () => h.Service.ExecuteAsync(id, Handler2, PorkHold);

        (await act.Should().ThrowAsync<NotPermittedException>()).Which.Reason.Should().Contain("role coordinator or manager or general-manager");
        (await h.Stored(id)).Holds.Should().BeEmpty();
    }

    [Fact]
    public async Task Holds_ShowTheProduct_ToAReaderWhoMayNotSeeTheComplainant_AndTheirTextWhenTheComplaintsTextIsShown()
    {
        var h = new Harness();
        h.Policy.WithheldFromTheAccusedDepartment = ConfidentialParts.Evidence | ConfidentialParts.Attributes;
        var id = await h.DriveTo(ComplaintState.Triaged);
        await h.Do(id, Coordinator, PorkHold);
        await h.Do(id, Coordinator, new ReleaseHold(1, HoldCheckResult.Cleared, "Other braised dishes checked: normal."));

        var seen = await h.Service.GetAsync(id, SalesClerk);
        var journal = await h.Service.GetJournalAsync(id, SalesClerk);

        seen.Intake.Complainant.Should().Be(Complainant.Redacted, "the reader is in the accused department");
        seen.Intake.Description.Should().NotBe(CaseViewText, "the complaint's text is shown to this reader");
        seen.Holds.Should().Equal((await h.Stored(id)).Holds, "a hold names a product, not who complained");
        journal[^2].Event.Should().Be(new ProductHoldPlaced(1, "Braised pork", "Sour smell reported at lunch.", "Delivery of 2 March, supplier Huaxin"));
        journal[^1].Event.Should().Be(new ProductHoldReleased(1, HoldCheckResult.Cleared, "Other braised dishes checked: normal."));
    }

    [Fact]
    public async Task Holds_ReasonScopeAndNote_AreWithheldWithTheComplaintsText()
    {
        // Staff write a hold's reason and note, and can quote the complaint in them (tobacco art. 27(3): the materials
        // are not shown to the unit investigated); the product and the check's result stay, since the unit acts on them.
        var h = new Harness();
        h.Policy.WithheldFromTheAccusedDepartment = ConfidentialParts.Description;
        var id = await h.DriveTo(ComplaintState.Triaged);
        await h.Do(id, Coordinator, PorkHold);
        await h.Do(id, Coordinator, new ReleaseHold(1, HoldCheckResult.Withdrawn, "The chef's words: 'sour, slimy'."));

        var seen = await h.Service.GetAsync(id, SalesClerk);
        var journal = await h.Service.GetJournalAsync(id, SalesClerk);

        var hold = seen.Holds.Should().ContainSingle().Which;
        (hold.Product, hold.Reason, hold.Scope, hold.ReleaseNote, hold.Result)
            .Should().Be(("Braised pork", CaseViewText, CaseViewText, CaseViewText, HoldCheckResult.Withdrawn));
        journal[^2].Event.Should().Be(new ProductHoldPlaced(1, "Braised pork", CaseViewText, CaseViewText));
        journal[^1].Event.Should().Be(new ProductHoldReleased(1, HoldCheckResult.Withdrawn, CaseViewText));
        (await h.Service.GetAsync(id, Coordinator)).Holds.Single().ReleaseNote.Should().Be("The chef's words: 'sour, slimy'.");
    }

    [Fact]
    public async Task Query_ListsCasesWithAnActiveHold_AndByHeldProduct()
    {
        var h = new Harness();
        var pork = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        var rice = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        var released = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        var none = await h.DriveTo(ComplaintState.Triaged, Harness.ProductIntake());
        await h.Do(pork, Coordinator, PorkHold);
        await h.Do(rice, Coordinator, new PlaceHold("Steamed rice", "Same kitchen."));
        await h.Do(released, Coordinator, PorkHold);
        await h.Do(released, Coordinator, new ReleaseHold(1, HoldCheckResult.Cleared));

        async Task<ComplaintId[]> Ids(ComplaintQuery q) => [.. (await h.Service.QueryAsync(Coordinator, q)).Select(c => c.Id)];

        (await Ids(new ComplaintQuery { HasActiveHold = true })).Should().BeEquivalentTo([pork, rice]);
        (await Ids(new ComplaintQuery { HasActiveHold = false })).Should().BeEquivalentTo([released, none]);
        (await Ids(new ComplaintQuery { HeldProduct = " Braised pork" })).Should().Equal(pork);
        (await Ids(new ComplaintQuery { HeldProduct = "braised pork" })).Should().BeEmpty("products compare ordinally");
    }

    [Fact]
    public async Task Query_HeldProductOverTheLimit_IsRefusedNamingTheField()
    {
        var h = new Harness();

        var act = () => h.Service.QueryAsync(Coordinator, new ComplaintQuery { HeldProduct = new string('x', ComplaintLimits.NameLength + 1) });

        (await act.Should().ThrowAsync<ComplaintValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("Query.HeldProduct");
    }
}
