using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Complaints.Rules.Facts;

/// <summary>Enum values as pack authors write them: lower-case kebab (<c>WalkIn</c> → <c>walk-in</c>).</summary>
internal static class Names
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        // Enums numbered 0..n-1 (all of ours) are read from an array; anything else from the dictionary.
        var byNumber = Cache<TEnum>.ByNumber;
        if (byNumber is not null && Unsafe.SizeOf<TEnum>() == sizeof(int))
        {
            var number = Unsafe.As<TEnum, int>(ref value);
            if ((uint)number < (uint)byNumber.Length)
            {
                return byNumber[number];
            }
        }

        return Cache<TEnum>.Names[value];
    }

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var (candidate, name) in Cache<TEnum>.Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string List<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Cache<TEnum>.Names.Values);

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        /// <summary>The names indexed by number, when the values are exactly 0..n-1 of an int-sized enum; else <see langword="null"/>.</summary>
        public static readonly string[]? ByNumber = Contiguous();

        private static string[]? Contiguous()
        {
            if (Unsafe.SizeOf<TEnum>() != sizeof(int))
            {
                return null;
            }

            var names = new string[Names.Count];
            var seen = 0;
            foreach (var (value, name) in Names)
            {
                var copy = value;
                var number = Unsafe.As<TEnum, int>(ref copy);
                if ((uint)number >= (uint)names.Length || names[number] is not null)
                {
                    return null;
                }

                names[number] = name;
                seen++;
            }

            return seen == names.Length ? names : null;
        }
    }
}
