namespace Complaints.Rules.Facts;

/// <summary>Money helpers a pack's expressions may call, e.g. <c>remedy.Amount &gt; Amounts.Percent(complaint.ClaimAmount, 50)</c>.</summary>
public static class Amounts
{
    /// <summary><paramref name="percent"/> % of <paramref name="amount"/>.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="percent">The percentage.</param>
    /// <returns>The share, unrounded.</returns>
    public static decimal Percent(decimal amount, decimal percent) => amount * percent / 100m;

    /// <summary>Whether <paramref name="amount"/> lies within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="min">The lower bound, inclusive.</param>
    /// <param name="max">The upper bound, inclusive.</param>
    /// <returns><see langword="true"/> if within.</returns>
    public static bool Between(decimal amount, decimal min, decimal max) => amount >= min && amount <= max;
}
