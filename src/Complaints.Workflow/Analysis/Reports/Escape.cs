using System.Text;

namespace Complaints.Analysis.Reports;

/// <summary>Escaping of text from the data for each format.</summary>
internal static class Escape
{
    /// <summary>
    /// Text for HTML and SVG (XML syntax): <c>&amp; &lt; &gt; " '</c> as entities; characters XML cannot hold (control
    /// characters but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) as U+FFFD.
    /// </summary>
    public static string Xml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var s = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': s.Append("&amp;"); break;
                case '<': s.Append("&lt;"); break;
                case '>': s.Append("&gt;"); break;
                case '"': s.Append("&quot;"); break;
                case '\'': s.Append("&#39;"); break;
                case '\t' or '\n' or '\r': s.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': s.Append('\uFFFD'); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        s.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        s.Append('\uFFFD');
                    }
                    else
                    {
                        s.Append(c);
                    }

                    break;
            }
        }

        return s.ToString();
    }

    /// <summary>
    /// Text for a Markdown table cell or paragraph: one line; Markdown's punctuation and <c>|</c> backslash-escaped, and
    /// <c>&lt; &gt; &amp;</c> as entities so that no HTML from the data reaches a Markdown renderer.
    /// </summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var s = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~':
                    s.Append('\\').Append(c);
                    break;
                case '<': s.Append("&lt;"); break;
                case '>': s.Append("&gt;"); break;
                case '&': s.Append("&amp;"); break;
                case '\r' or '\n' or '\t': s.Append(' '); break;
                case < ' ': break;
                default: s.Append(c); break;
            }
        }

        return s.ToString();
    }
}
