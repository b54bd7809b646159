namespace Complaints.Rules.Facts;

/// <summary>
/// One <c>pack.Setting("name")</c> or <c>pack.Limit("role")</c> call in a rule, with a constant name: the value read
/// from the last <see cref="PackFacts"/> it was asked of is kept, so each evaluation with the same (immutable)
/// pack facts reads a field instead of looking the name up. A missing name throws as the call does, every time.
/// </summary>
internal sealed class PackValue
{
    private readonly bool _limit;
    private readonly string _name;
    private Last? _last;

    /// <summary>Prepares one call.</summary>
    /// <param name="limit"><see langword="true"/> for <see cref="PackFacts.Limit"/>, else <see cref="PackFacts.Setting"/>.</param>
    /// <param name="name">The constant name.</param>
    public PackValue(bool limit, string name)
    {
        _limit = limit;
        _name = name;
    }

    /// <summary>The value the call gives for <paramref name="pack"/>.</summary>
    /// <param name="pack">The pack's facts.</param>
    /// <returns>The setting or limit.</returns>
    public decimal Read(PackFacts pack)
    {
        // One reference read and written whole: threads evaluating at once see a complete pair or none.
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Pack, pack))
        {
            return last.Value;
        }

        var value = _limit ? pack.Limit(_name) : pack.Setting(_name);
        Volatile.Write(ref _last, new Last(pack, value));
        return value;
    }

    private sealed record Last(PackFacts Pack, decimal Value);
}
