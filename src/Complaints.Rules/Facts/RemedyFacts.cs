namespace Complaints.Rules.Facts;

/// <summary>What a pack's approval expressions see of a proposed remedy, as <c>remedy</c>.</summary>
public sealed class RemedyFacts
{
    /// <summary>Wraps a remedy.</summary>
    /// <param name="remedy">The remedy.</param>
    public RemedyFacts(RemedyProposal remedy)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        Kind = Names.Of(remedy.Kind);
        Amount = remedy.Amount?.Amount ?? 0;
        Currency = remedy.Amount?.Currency ?? "";
        Description = remedy.Description;
    }

    /// <summary><c>apology</c>, <c>explanation</c>, <c>repair</c>, <c>replacement</c>, <c>refund</c>, <c>compensation</c> or <c>corrective-action</c>.</summary>
    public string Kind { get; }

    /// <summary>The money involved; 0 if none.</summary>
    public decimal Amount { get; }

    /// <summary>Its currency; <c>""</c> if none.</summary>
    public string Currency { get; }

    /// <summary>What will be done.</summary>
    public string Description { get; }
}
