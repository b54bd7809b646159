using System.Numerics;

namespace Complaints.Rules.Evaluation;

/// <summary>
/// Which rules of a workflow matched and which threw (with their messages), filled while the rules are
/// evaluated: a bit per rule, in two words for the first 128 rules (nothing allocated) and an array for any more.
/// </summary>
internal struct MatchSet
{
    private readonly int _count;
    private readonly ulong[]? _more;
    private ulong _first;
    private ulong _second;
    private string?[]? _errors;

    public MatchSet(int count)
    {
        _count = count;
        _more = count > 128 ? new ulong[(count - 1 - 128) / 64 + 1] : null;
    }

    /// <summary>Whether no rule matched and none threw.</summary>
    public readonly bool IsEmpty => _errors is null && (_first | _second) == 0 && Next(127) < 0;

    /// <summary>The message of the rule at <paramref name="index"/> if it threw, else <see langword="null"/>.</summary>
    public readonly string? Error(int index) => _errors?[index];

    public void Set(int index)
    {
        if (index < 64)
        {
            _first |= 1UL << index;
        }
        else if (index < 128)
        {
            _second |= 1UL << (index - 64);
        }
        else
        {
            _more![(index / 64) - 2] |= 1UL << (index % 64);
        }
    }

    /// <summary>Sets the rules of <paramref name="bits"/>: bit <c>j</c> is the rule at <paramref name="rules"/>[<c>j</c>].</summary>
    public void SetAll(ulong bits, int[] rules)
    {
        for (; bits != 0; bits &= bits - 1)
        {
            Set(rules[BitOperations.TrailingZeroCount(bits)]);
        }
    }

    public void Fail(int index, string error) => (_errors ??= new string?[_count])[index] = error;

    /// <summary>Whether the rule at <paramref name="index"/> matched.</summary>
    public readonly bool IsMatched(int index) => (Word(index / 64) & (1UL << (index % 64))) != 0;

    /// <summary>The index of the first matched rule after <paramref name="after"/>, or -1.</summary>
    public readonly int Next(int after)
    {
        for (var i = after + 1; i < _count;)
        {
            var w = i / 64;
            var word = Word(w) & (~0UL << (i % 64));
            if (word != 0)
            {
                return (w * 64) + BitOperations.TrailingZeroCount(word);
            }

            i = (w + 1) * 64;
        }

        return -1;
    }

    private readonly ulong Word(int w) => w switch
    {
        0 => _first,
        1 => _second,
        _ => _more![w - 2],
    };
}
