namespace Complaints.Rules.Facts;

/// <summary>What a pack's approval expressions see of a proposed remedy, as <c>remedy</c>.</summary>
public sealed class RemedyFacts
{
    private readonly RemedyProposal _remedy;

    /// <summary>Wraps a remedy. Nothing is copied: each value is read from the (immutable) remedy when asked for.</summary>
    /// <param name="remedy">The remedy.</param>
    public RemedyFacts(RemedyProposal remedy)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        _remedy = remedy;
    }

    /// <summary><c>apology</c>, <c>explanation</c>, <c>repair</c>, <c>replacement</c>, <c>refund</c>, <c>compensation</c> or <c>corrective-action</c>.</summary>
    public string Kind => Names.Of(_remedy.Kind);

    /// <summary>The money involved; 0 if none.</summary>
    public decimal Amount => _remedy.Amount?.Amount ?? 0;

    /// <summary>Its currency; <c>""</c> if none.</summary>
    public string Currency => _remedy.Amount?.Currency ?? "";

    /// <summary>What will be done.</summary>
    public string Description => _remedy.Description;
}
