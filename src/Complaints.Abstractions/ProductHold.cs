using System.Text.Json.Serialization;

namespace Complaints;

/// <summary>
/// A hold on a product while it is checked: "check the other foods of the same kind" (food-service, seeds/003 §三.7)
/// as a record instead of advice. Placed with <see cref="Commands.PlaceHold"/>, released with
/// <see cref="Commands.ReleaseHold"/> and the result of the check. A hold names a product, never the complainant.
/// </summary>
/// <param name="Number">The hold's number within the case: 1, 2, 3 … in the order holds were placed; <see cref="Commands.ReleaseHold"/> names it.</param>
/// <param name="Product">What is held: a product category or kind of product (e.g. <c>braised pork, lunch delivery</c>), trimmed.</param>
/// <param name="Reason">Why it is held.</param>
/// <param name="Scope">Which part of it, if narrower than the whole product: a batch, lot, delivery or supplier, as free text.</param>
/// <param name="PlacedAt">When it was placed.</param>
/// <param name="PlacedBy">Who placed it.</param>
public sealed record ProductHold(int Number, string Product, string Reason, string? Scope, DateTimeOffset PlacedAt, ActorId PlacedBy)
{
    /// <summary>When it was released; <see langword="null"/> while it is active.</summary>
    public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>Who released it.</summary>
    public ActorId? ReleasedBy { get; init; }

    /// <summary>What the check found, once released.</summary>
    public HoldCheckResult? Result { get; init; }

    /// <summary>The release note: what was checked and done.</summary>
    public string? ReleaseNote { get; init; }

    /// <summary>Whether the hold is still in force (not released).</summary>
    [JsonIgnore]
    public bool IsActive => ReleasedAt is null;
}

/// <summary>What the check of a held product found, recorded when the hold is released.</summary>
public enum HoldCheckResult
{
    /// <summary>Nothing abnormal was found: the product goes back into use.</summary>
    Cleared,

    /// <summary>It was abnormal: it was withdrawn (replaced, returned or destroyed) and the supplier or delivery staff told.</summary>
    Withdrawn,
}
