using System.Numerics;

namespace Complaints.Rules.Evaluation;

/// <summary>
/// Which rules of a workflow matched and which threw (with their messages), filled while the rules are
/// evaluated: a bit per rule, in one word for the first 64 rules and an array for any more.
/// </summary>
internal struct MatchSet
{
    private readonly int _count;
    private readonly ulong[]? _more;
    private ulong _first;
    private string?[]? _errors;

    public MatchSet(int count)
    {
        _count = count;
        _more = count > 64 ? new ulong[(count - 1) / 64] : null;
    }

    /// <summary>Whether no rule matched and none threw.</summary>
    public readonly bool IsEmpty => _errors is null && Next(-1) < 0;

    /// <summary>The message of the rule at <paramref name="index"/> if it threw, else <see langword="null"/>.</summary>
    public readonly string? Error(int index) => _errors?[index];

    public void Set(int index)
    {
        if (index < 64)
        {
            _first |= 1UL << index;
        }
        else
        {
            _more![(index / 64) - 1] |= 1UL << (index % 64);
        }
    }

    public void Fail(int index, string error) => (_errors ??= new string?[_count])[index] = error;

    /// <summary>Whether the rule at <paramref name="index"/> matched.</summary>
    public readonly bool IsMatched(int index) => index < 64
        ? (_first & (1UL << index)) != 0
        : (_more![(index / 64) - 1] & (1UL << (index % 64))) != 0;

    /// <summary>The index of the first matched rule after <paramref name="after"/>, or -1.</summary>
    public readonly int Next(int after)
    {
        for (var i = after + 1; i < _count;)
        {
            var w = i / 64;
            var word = (w == 0 ? _first : _more![w - 1]) & (~0UL << (i % 64));
            if (word != 0)
            {
                return (w * 64) + BitOperations.TrailingZeroCount(word);
            }

            i = (w + 1) * 64;
        }

        return -1;
    }
}
