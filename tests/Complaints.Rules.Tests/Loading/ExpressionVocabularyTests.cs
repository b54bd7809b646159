using System.Reflection;
using Complaints.Rules.Facts;
using Complaints.Testing;
using static Complaints.Rules.Tests.Loading.PackFolders;

namespace Complaints.Rules.Tests.Loading;

/// <summary>
/// A pack's expressions cannot hurt the host: too deep or too long an expression, a construct whose cost grows
/// without limit and anything outside the documented vocabulary are refused at load, naming the rule and what to do.
/// </summary>
public sealed class ExpressionVocabularyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("complaints-vocabulary-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_ParenthesesNested5000Deep_IsRefusedInsteadOfOverflowingTheStack()
    {
        // 5,000 levels overflowed the parser's stack, which kills the process: the depth is checked before parsing.
        var folder = WithExpression("approval.json", "above-handler-limit", new string('(', 5000) + "remedy.Amount > 0" + new string(')', 5000));

        var problems = LoadProblems(folder);

        problems.Should().Contain(p => p.File == "approval.json" && p.Rule == "above-handler-limit"
            && p.Reason.Contains("nested 5000 levels deep") && p.Reason.Contains("at most 32"));
    }

    [Theory]
    [InlineData(33, "(", ")")]
    [InlineData(40, "!", "")]
    [InlineData(40, "-", "")]
    public void Load_NestedOneLevelTooDeep_IsRefused(int levels, string open, string close)
    {
        var folder = WithExpression("severity.json", "several-departments", "complaint.ClaimAmount > " + string.Concat(Enumerable.Repeat(open, levels)) + "1" + string.Concat(Enumerable.Repeat(close, levels)));

        var problem = LoadProblems(folder).Should().ContainSingle().Which;

        (problem.File, problem.Rule).Should().Be(("severity.json", "several-departments"));
        problem.Reason.Should().Contain($"nested {levels} levels deep").And.Contain("at most 32");
    }

    [Fact]
    public void Load_ExpressionLongerThanTheLimit_IsRefused()
    {
        var expression = string.Join(" || ", Enumerable.Repeat("complaint.ClaimAmount > 1", 100));
        var folder = WithExpression("severity.json", "several-departments", expression);

        var problem = LoadProblems(folder).Should().ContainSingle().Which;

        problem.Rule.Should().Be("several-departments");
        problem.Reason.Should().Contain($"{expression.Length} characters").And.Contain("at most 2000");
    }

    public static TheoryData<string> AtTheLimits()
    {
        const string Claim = "complaint.ClaimAmount > ";
        var nested = Claim + new string('(', 32) + "0" + string.Concat(Enumerable.Repeat("+0)", 32));
        return new TheoryData<string>
        {
            Claim + "0" + string.Concat(Enumerable.Repeat("+0", (2000 - Claim.Length - 1) / 2)),
            nested + string.Concat(Enumerable.Repeat("+0", (2000 - nested.Length) / 2)),
            new string('!', 32) + "complaint.HealthRisk || " + Claim + "0",
            string.Concat(Enumerable.Repeat("!!complaint.HealthRisk||", (2000 - Claim.Length - 1) / 24)) + Claim + "0",
        };
    }

    [Theory]
    [MemberData(nameof(AtTheLimits))]
    public void Load_TheLongestAndDeepestExpressionsTheLimitsAllow_LoadAndDecide(string expression)
    {
        // The limits must be low enough for every later stage (parser, checks, compilers) to stay far from the stack's end.
        expression.Length.Should().BeLessThanOrEqualTo(2000);
        var pack = PolicyPacks.LoadFolder(WithExpression("severity.json", "several-departments", expression));

        var matches = pack.Evaluate(DecisionPoint.Severity, [new ComplaintFacts(A.Complaint().Claiming(60_000).Build()), pack.Facts]);

        matches.Should().Contain(("several-departments", true));
    }

    [Fact]
    public void Load_NestedAnyOverTheDescription_IsRefusedAtLoad()
    {
        // Quadratic in the description's length: minutes for a long one, at every evaluation.
        var folder = WithExpression("guidance.json", "venting", "complaint.Description.Any(c => complaint.Description.Any(d => d == c && c == 'x'))");

        var problem = LoadProblems(folder).Should().ContainSingle().Which;

        problem.Rule.Should().Be("venting");
        problem.Reason.Should().Contain("lambda").And.Contain("Text.ContainsAny");
    }

    [Theory]
    [InlineData("complaint.Description.PadLeft(1000000000).Length > 0", "String.PadLeft", "builds a string of a size the expression chooses")]
    [InlineData("complaint.Description.PadRight(1000000000, 'x').Length > 0", "String.PadRight", "builds a string of a size the expression chooses")]
    [InlineData("complaint.Description.Replace(\"a\", \"aaaaaaaaaa\").Replace(\"a\", \"aaaaaaaaaa\").Length > 0", "String.Replace", "builds a string of a size the expression chooses")]
    [InlineData("complaint.Description.Insert(0, complaint.Description).Length > 0", "String.Insert", "builds a string of a size the expression chooses")]
    [InlineData("string('x', 1000000000).Length > 0", "string(c, n)", "builds a string of a size the expression chooses")]
    [InlineData("complaint.GetType().Name == \"ComplaintFacts\"", "Object.GetType", "is reflection")]
    [InlineData("DateTime.Now.Year > 2000", "DateTime.Now", "reads the clock")]
    [InlineData("DateTimeOffset.UtcNow > complaint.ReceivedAt", "DateTimeOffset.UtcNow", "reads the clock")]
    [InlineData("Guid.NewGuid() != Guid.Empty", "Guid.NewGuid", "reads the clock, chance")]
    [InlineData("Math.Max(complaint.ClaimAmount, 1) > 0", "Math.Max", "is not in the vocabulary")]
    [InlineData("complaint.ToString() != \"\"", "Object.ToString", "is not in the vocabulary")]
    [InlineData("complaint.ReceivedAt.AddDays(5) > complaint.OccurredAt", "DateTimeOffset.AddDays", "is not in the vocabulary")]
    [InlineData("Convert.ToInt32(complaint.ClaimAmount) > 0", "Convert.ToInt32", "is not in the vocabulary")]
    [InlineData("complaint.Kind == \"report\" ? true : false", "conditional operator (?: or iif)", "is not in the vocabulary")]
    public void Load_OutsideTheDocumentedVocabulary_IsRefusedNamingWhatWhyAndWhere(string expression, string named, string why)
    {
        var folder = WithExpression("guidance.json", "venting", expression);

        var problem = LoadProblems(folder).Should().ContainSingle().Which;

        problem.Rule.Should().Be("venting");
        problem.Reason.Should().Contain($"{named} {why}").And.Contain("docs/packs.md");
    }

    [Theory]
    [InlineData("Text.ContainsAny(complaint.Description, complaint.DesiredRemedy)")]
    [InlineData("complaint.Description.Contains(complaint.Location)")]
    [InlineData("complaint.ClaimAmount > pack.Setting(complaint.Location)")]
    public void Load_SearchedWordsOrNamesComputedFromTheCase_AreRefused(string expression)
    {
        var folder = WithExpression("guidance.json", "venting", expression);

        LoadProblems(folder).Should().ContainSingle(p => p.Rule == "venting" && p.Reason.Contains("string literal"));
    }

    [Fact]
    public void Load_ProblemsInSeveralRulesAndFiles_AreAllListedInOneException()
    {
        var folder = WithExpression("guidance.json", "venting", "complaint.GetType() != null");
        EditRule(folder, "guidance.json", "feelings-before-facts", rule => rule["Expression"] = "complaint.Description.PadLeft(99999999) != \"\"");
        EditRule(folder, "approval.json", "above-handler-limit", rule => rule["Expression"] = new string('(', 5000));
        EditRule(folder, "routing.json", "billing-to-finance", rule => rule["Properties"]!["department"] = "accounts");

        var problems = LoadProblems(folder);

        problems.Select(p => (p.File, p.Rule)).Should().Contain(
            [("guidance.json", "venting"), ("guidance.json", "feelings-before-facts"), ("approval.json", "above-handler-limit"), ("routing.json", "billing-to-finance")]);
    }

    public static TheoryData<string, string, string> Vocabulary()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var expression in new[]
        {
            "complaint.Description.Trim().Length < 10 && complaint.SubjectName.TrimStart().TrimEnd() != \"\"",
            "complaint.Description.ToLower().StartsWith(\"the\") || complaint.Description.ToUpper().EndsWith(\"!\") || complaint.Location.Contains(\"shop\") || complaint.Location.Contains('x')",
            "complaint.Description.ToLowerInvariant() == complaint.Description.ToUpperInvariant() || complaint.Description.Substring(1, 2) == \"ab\" || complaint.Description.Substring(3) == \"\"",
            "string.IsNullOrEmpty(complaint.Location) || string.IsNullOrWhiteSpace(complaint.Location) || complaint.Location == string.Empty || complaint.Kind.Equals(\"report\") || complaint.Location != null",
            "Text.ContainsAny(complaint.Description + \" \" + complaint.DesiredRemedy, \"late|收费\") || Text.IsOneOf(complaint.Category, \"a|b\") || Text.IsOneOf(complaint.Kind, complaint.Attribute(\"kinds\"))",
            "Dates.DaysBetween(complaint.OccurredAt, complaint.ReceivedAt) > 30 && complaint.OccurredAt != DateTimeOffset.MinValue && complaint.OccurredAt < complaint.ReceivedAt && complaint.ReceivedAt < DateTimeOffset.MaxValue",
            "Amounts.Between(complaint.ClaimAmount, 1, pack.Setting(\"majorClaim\")) && Amounts.Percent(complaint.ClaimAmount, 50) >= pack.Limit(\"handler\")",
            "(complaint.ClaimAmount + 1) * 2 - 3 / 4 % 5 > -complaint.TierRank && !(complaint.EvidenceCount <= 1) && complaint.Attribute(\"ward\") != \"\" || complaint.HasAttribute(\"ward\")",
            "pack.Id == \"generic\" && pack.Version != \"\" && pack.Currency == \"CNY\" && complaint.CustomerRejections >= pack.Setting(\"rejectionsBeforeEscalation\")",
            "Text.ContainsAny(complaint.Description, \"" + new string('(', 40) + "|" + new string(')', 40) + "|\\\"((((\")",
        })
        {
            data.Add("guidance.json", "venting", expression);
        }

        // Every member of every input, as its table lists them.
        foreach (var (input, type, file, rule) in new[]
        {
            ("complaint", typeof(ComplaintFacts), "guidance.json", "venting"),
            ("remedy", typeof(RemedyFacts), "approval.json", "above-handler-limit"),
            ("person", typeof(PersonFacts), "recusal.json", "is-the-accused"),
        })
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                data.Add(file, rule, $"{input}.{property.Name} == {input}.{property.Name}");
            }
        }

        data.Add("recusal.json", "is-the-accused", "person.HasRole(\"manager\") && complaint.HasAttribute(\"x\")");
        return data;
    }

    [Theory]
    [MemberData(nameof(Vocabulary))]
    public void Load_TheDocumentedVocabulary_Loads(string file, string rule, string expression)
    {
        var folder = WithExpression(file, rule, expression);
        // The expressions read attributes (ward, kinds, x) the generic pack does not declare; without a declaration none is checked.
        EditFile(folder, "pack.json", manifest => manifest.Remove("attributes"));

        FluentActions.Invoking(() => PolicyPacks.LoadFolder(folder)).Should().NotThrow();
    }

    private string WithExpression(string file, string rule, string expression)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, Guid.NewGuid().ToString("N"))).FullName;
        CopyOf("generic", folder);
        EditRule(folder, file, rule, r => r["Expression"] = expression);
        return folder;
    }
}
