namespace Complaints.Rules.Loading;

/// <summary>
/// The size of a rule expression, checked by one pass over its characters before the parser sees it. The parser,
/// and every stage after it, descends recursively: an expression nested thousands of levels deep would overflow
/// the stack, which ends the process instead of throwing, so nothing recursive may see it.
/// </summary>
internal static class ExpressionLimits
{
    /// <summary>The longest expression, in characters (the longest in the built-in packs has 385).</summary>
    public const int MaxLength = 2000;

    /// <summary>The deepest nesting: open brackets, plus prefix operators (<c>!</c>, <c>-</c>) in a row (the built-in packs nest 3 deep).</summary>
    public const int MaxDepth = 32;

    private const string Where = "(docs/packs.md, 'Limits and the expression vocabulary')";

    /// <summary>What is wrong with the expression's size, if anything.</summary>
    public static IEnumerable<string> Check(string expression)
    {
        if (expression.Length > MaxLength)
        {
            yield return $"expression is {expression.Length} characters long; an expression may have at most {MaxLength} {Where}. " +
                         "Split the condition over several rules, or shorten its word lists.";
        }

        var depth = Depth(expression);
        if (depth > MaxDepth)
        {
            yield return $"expression is nested {depth} levels deep (brackets, and prefix operators such as ! in a row); at most {MaxDepth} are allowed {Where}. " +
                         "Write the condition flatter: a && b && c needs no brackets.";
        }
    }

    /// <summary>
    /// The deepest nesting of the expression, read as the parser's tokenizer reads it: brackets inside string and
    /// character literals (<c>"…"</c>, <c>'…'</c>, with <c>\</c> escapes and doubled quotes) do not count.
    /// </summary>
    internal static int Depth(string expression)
    {
        int brackets = 0, prefixes = 0, deepest = 0;
        var previous = '\0';
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c is '"' or '\'')
            {
                i = EndOfLiteral(expression, i);
                prefixes = 0;
            }
            else if (c is '(' or '[' or '{')
            {
                brackets++;
            }
            else if (c is ')' or ']' or '}')
            {
                brackets = Math.Max(0, brackets - 1);
                prefixes = 0;
            }
            else if (c is '!' or '-' or '+' or '~' && IsOperatorOrStart(previous) && !(c == '!' && At(expression, i + 1) == '='))
            {
                prefixes++;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '@' or '.')
            {
                prefixes = 0;
            }

            deepest = Math.Max(deepest, brackets + prefixes);
            previous = c;
        }

        return deepest;
    }

    private static bool IsOperatorOrStart(char previous) => previous == '\0' || "([{,!-+*/%<>=&|^?:~".Contains(previous, StringComparison.Ordinal);

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    /// <summary>The index of the quote that ends the literal starting at <paramref name="start"/> (or the last index).</summary>
    private static int EndOfLiteral(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                if (At(text, i + 1) != quote)
                {
                    return i;
                }

                i++; // a doubled quote continues the literal, as in the tokenizer
            }
        }

        return text.Length - 1;
    }
}
