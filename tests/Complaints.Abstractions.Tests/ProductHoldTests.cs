using System.Text.Json;
using Complaints.Journal;
using Complaints.Ports;

namespace Complaints.Abstractions.Tests;

/// <summary>Product holds as stores keep them (JSON) and as the query reference semantics read them.</summary>
public sealed class ProductHoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Desk = new(new ActorId("desk"), "Desk", [ComplaintRoles.Staff]);

    private static Complaint Case(params ProductHold[] holds) => new()
    {
        Id = ComplaintId.New(T0),
        Version = 3,
        State = ComplaintState.Closed,
        Intake = new ComplaintIntake(ComplaintKind.Complaint, Channel.Phone, Complainant.Anonymous, new ComplaintSubject(SubjectKind.Product, "Lunch"), "Sour smell."),
        ReceivedAt = T0,
        ReceivedBy = Desk,
        Policy = new PolicyRef("food-service", "1.0.0"),
        Holds = holds,
        UpdatedAt = T0,
    };

    private static readonly ProductHold Pork = new(1, "Braised pork", "Sour smell.", "Lot 7", T0, new ActorId("duty"));

    [Fact]
    public void Events_HaveTheirDiscriminators_AndRoundTrip()
    {
        ComplaintEvent[] events =
        [
            new ProductHoldPlaced(1, "清蒸鲈鱼", "Sour smell.", null),
            new ProductHoldReleased(1, HoldCheckResult.Withdrawn, "Destroyed; the supplier was told."),
        ];

        var json = JsonSerializer.Serialize(events, ComplaintsJson.Options);
        var back = JsonSerializer.Deserialize<ComplaintEvent[]>(json, ComplaintsJson.Options)!;

        json.Should().Contain("\"type\":\"product-hold-placed\"").And.Contain("\"type\":\"product-hold-released\"").And.Contain("\"result\":\"withdrawn\"");
        back.Should().Equal(events);
    }

    [Fact]
    public void Case_WithHolds_RoundTrips_AndKeepsNoDerivedValue()
    {
        var c = Case(Pork with { ReleasedAt = T0.AddHours(2), ReleasedBy = new ActorId("mgr"), Result = HoldCheckResult.Cleared, ReleaseNote = "Fine." }, Pork with { Number = 2, Scope = null });

        var json = JsonSerializer.Serialize(c, ComplaintsJson.Options);
        var back = JsonSerializer.Deserialize<Complaint>(json, ComplaintsJson.Options)!;

        JsonSerializer.Serialize(back, ComplaintsJson.Options).Should().Be(json);
        back.Holds.Should().Equal(c.Holds);
        json.Should().Contain("\"holds\":[").And.NotContain("isActive").And.NotContain("hasActiveHold");
    }

    [Fact]
    public void Case_StoredBeforeHoldsExisted_ReadsWithNone()
    {
        var json = JsonSerializer.Serialize(Case(), ComplaintsJson.Options).Replace(",\"holds\":[]", "", StringComparison.Ordinal);

        var back = JsonSerializer.Deserialize<Complaint>(json, ComplaintsJson.Options)!;

        json.Should().NotContain("holds");
        back.Holds.Should().BeEmpty();
        back.HasActiveHold.Should().BeFalse();
    }

    [Fact]
    public void HasActiveHold_IsTrueWhileAnyHoldIsNotReleased()
    {
        var released = Pork with { ReleasedAt = T0.AddHours(1) };

        Case().HasActiveHold.Should().BeFalse();
        Case(released).HasActiveHold.Should().BeFalse();
        Case(released, Pork with { Number = 2 }).HasActiveHold.Should().BeTrue();
    }

    [Fact]
    public void Query_HoldCriteria_MatchActiveHoldsOnly_ProductsOrdinalAndTrimmed()
    {
        var held = Case(Pork);
        var released = Case(Pork with { ReleasedAt = T0.AddHours(1) });
        var none = Case();

        new ComplaintQuery { HasActiveHold = true }.Matches(held).Should().BeTrue();
        new ComplaintQuery { HasActiveHold = true }.Matches(released).Should().BeFalse();
        new ComplaintQuery { HasActiveHold = false }.Matches(released).Should().BeTrue();
        new ComplaintQuery { HasActiveHold = false }.Matches(none).Should().BeTrue();
        new ComplaintQuery { HasActiveHold = false }.Matches(held).Should().BeFalse();
        new ComplaintQuery { HeldProduct = " Braised pork\t" }.Matches(held).Should().BeTrue();
        new ComplaintQuery { HeldProduct = "braised pork" }.Matches(held).Should().BeFalse("products compare ordinally");
        new ComplaintQuery { HeldProduct = "Braised pork" }.Matches(released).Should().BeFalse("a released hold no longer holds the product");
        new ComplaintQuery { HeldProduct = "Braised pork" }.Matches(none).Should().BeFalse();
    }
}
