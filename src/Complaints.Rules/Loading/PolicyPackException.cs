namespace Complaints.Rules;

/// <summary>One thing wrong with a pack.</summary>
/// <param name="Pack">The pack id (or folder).</param>
/// <param name="File">The file, e.g. <c>approval.json</c>.</param>
/// <param name="Rule">The rule, when the problem is in one.</param>
/// <param name="Reason">What is wrong and what to do.</param>
public sealed record PackProblem(string Pack, string File, string? Rule, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Rule is null ? $"{Pack}/{File}: {Reason}" : $"{Pack}/{File}, rule '{Rule}': {Reason}";
}

/// <summary>A pack could not be loaded; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class PolicyPackException : ComplaintException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem found.</param>
    public PolicyPackException(IReadOnlyList<PackProblem> problems)
        : base($"The policy pack is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):{Environment.NewLine}  " +
               string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PackProblem> Problems { get; }
}
