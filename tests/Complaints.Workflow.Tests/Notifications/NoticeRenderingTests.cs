using Complaints.Workflow.Notifications;

namespace Complaints.Workflow.Tests.Notifications;

/// <summary>
/// The planner fills templates from a short list of values (no dictionary per text): every template of every culture
/// must come out exactly as <see cref="NoticeTemplates.Render"/> fills it from a dictionary of the same values.
/// </summary>
public sealed class NoticeRenderingTests
{
    private const string CaseId = "0190a5b2-7c3e-7d4f-8a1b-2c3d4e5f6a7b";

    // A host's templates with literal braces, a placeholder twice, and one at either end.
    private static readonly NoticeTemplates WithBraces = NoticeTemplates.Default.With("fr", new Dictionary<string, string>
    {
        ["approval.body"] = "{{remedy}} {remedy} pour {about}, {{ {about} }}",
        ["about"] = "{case}{subject}",
    });

    public static TheoryData<string, string> Keys()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in (string[])[NoticeTemplates.English, NoticeTemplates.ChineseSimplified, "fr"])
        {
            foreach (var key in NoticeTemplates.Placeholders.Keys)
            {
                data.Add(culture, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_template_filled_from_a_list_reads_as_filled_from_a_dictionary(string culture, string key)
    {
        // Every placeholder a template may use, "about" given both ways, and a later value of a name overriding an earlier one.
        (string Name, string Value)[] values =
        [
            ("due", "2026-03-09"), ("reason", "first"), ("reason", "the reason."), ("to", "the association"), ("event", "findings recorded"),
            ("remedy", "refund"), ("deadline", "resolution"), ("level", "2"), ("misconduct", "rudeness"), ("person", "wang"),
            ("department", "sales"), ("classification", "service, minor"), ("subject", "Wang"),
        ];
        var dictionary = new Dictionary<string, string>(StringComparer.Ordinal) { ["case"] = CaseId, ["about"] = "complaint x" };
        foreach (var (name, value) in values)
        {
            dictionary[name] = value;
        }

        var expected = WithBraces.Render(culture, key, dictionary);

        WithBraces.Render(culture, key, CaseId, "complaint x", values, capitalize: false).Should().Be(expected);
        WithBraces.Render(culture, key, CaseId, "complaint x", values, capitalize: true)
            .Should().Be(expected.Length == 0 ? expected : char.ToUpperInvariant(expected[0]) + expected[1..]);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_left_empty_and_a_value_given_as_about_can_be_overridden()
    {
        WithBraces.Render("fr", "approval.body", CaseId, null, [], capitalize: false).Should().Be("{remedy}  pour , {  }");
        WithBraces.Render("fr", "approval.body", CaseId, "a", [("about", "b"), ("remedy", "r")], capitalize: true).Should().Be("{remedy} r pour b, { b }");
        WithBraces.Render("fr", "about", CaseId, null, [("case", "other")], capitalize: false).Should().Be("other");
    }

    [Fact]
    public void A_host_dictionary_that_renders_its_values_while_asked_does_not_spoil_the_text_it_is_filling()
    {
        // The host's dictionary renders "remedy" only when the outer rendering asks for it, on the same thread.
        var values = new RenderingOnRead(() => WithBraces.Render("fr", "about", new Dictionary<string, string> { ["case"] = "inner", ["subject"] = "!" }))
        {
            ["about"] = "the case",
        };

        WithBraces.Render("fr", "approval.body", values).Should().Be("{remedy} inner! pour the case, { the case }");
    }

    /// <summary>A host's dictionary whose <c>remedy</c> is rendered when it is read.</summary>
    private sealed class RenderingOnRead(Func<string> remedy) : Dictionary<string, string>, IReadOnlyDictionary<string, string>
    {
        bool IReadOnlyDictionary<string, string>.TryGetValue(string key, out string value)
        {
            if (key == "remedy")
            {
                value = remedy();
                return true;
            }

            return TryGetValue(key, out value!);
        }
    }
}
