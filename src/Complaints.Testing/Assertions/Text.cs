using System.Globalization;

namespace Complaints.Testing;

/// <summary>Formats values in failure messages the way FluentAssertions does: strings in double quotes.</summary>
internal static class Text
{
    public static string Quote(string? value) => value is null ? "<null>" : "\"" + value + "\"";

    public static string Quotes(IEnumerable<string> values) => string.Join(", ", values.Select(Quote));

    public static string Money(Money? money) => money is null ? "<none>" : money.ToString();

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
