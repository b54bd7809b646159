using Complaints.Policy;
using Complaints.Rules;
using Complaints.Testing;
using FluentAssertions;
using Xunit;

namespace Complaints.Docs.Tests.Snippets;

/// <summary>docs/packs.md "Extending a built-in pack", "Strict overrides" and "Shared rule files and word lists".</summary>
public sealed class Composition
{
    [Fact]
    public void A_pack_extending_hospital_adds_a_parking_category_without_copying_the_hospital_files()
    {
        #region extend-pack
        var folder = Path.Combine(AppContext.BaseDirectory, "packs", "hospital-parking");
        var city = PolicyPacks.LoadFolder(folder);          // hospital@1 as shipped, with the folder's changes on top

        var parking = A.Complaint().Described("The car park barrier kept my ticket and I missed my appointment.").Build();
        var severity = city.Classify(parking);                                    // category "parking" (category-parking)
        var routing = city.Route(parking with { Category = severity.Category });  // logistics (parking-to-general-services)
        Console.WriteLine($"{city.Identity}: {severity.Category} → {routing.Department}"); // city-hospital 1.0.0+hospital.1.0.0: parking → logistics
        #endregion

        city.Identity.Should().Be(new PolicyRef("city-hospital", "1.0.0+hospital.1.0.0"));
        city.Manifest.Extends.Should().Be("hospital@1.0.0");
        severity.Category.Should().Be("parking");
        routing.Department.Value.Should().Be("logistics");
        routing.Explanation.MatchedRules.Should().Contain("parking-to-general-services");
        city.SetDeadlines(parking).Deadlines.Should().Contain(d => d.Kind == DeadlineKind.Resolve && d.Amount == 5);
        city.Classify(A.Complaint().Flagged(ComplaintFlags.Repeated).Build()).Tier.Should().Be(Severity.General, "repeated-complaint-is-serious is removed");
        PolicyPacks.LoadBuiltIn("hospital").Classify(A.Complaint().Flagged(ComplaintFlags.Repeated).Build()).Tier.Should().Be(Severity.Serious);
        city.Facts.Limit("manager").Should().Be(10000, "what the extension does not name is the base's");
    }

    [Fact]
    public void A_misspelt_role_in_an_override_is_an_error_naming_the_role_meant()
    {
        var overrides = Directory.CreateTempSubdirectory("complaints-docs-strict-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(overrides, "pack.json"), """{ "roles": [ { "id": "handlr", "approvalLimit": 2000 } ] }""");

            var load = () => PolicyPacks.LoadBuiltIn("hospital", overrides);

            var docs = File.ReadAllText(Support.RepoRoot.Combine("docs", "packs.md"));
            var shown = docs[docs.IndexOf("(override) 'handlr'", StringComparison.Ordinal)..];
            shown = shown[..shown.IndexOf('\n', StringComparison.Ordinal)];
            load.Should().Throw<PolicyPackException>().Which.Problems.Should().ContainSingle().Which.Reason.Should().Be(shown);
        }
        finally
        {
            Directory.Delete(overrides, recursive: true);
        }
    }
}
