using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Complaints.Abstractions.Tests;

/// <summary>
/// The generated JSON metadata (ComplaintsJsonContext) sets an init-only property that is missing from the JSON to
/// its type's default, not to the property's initializer (reflection kept the initializer). A case stored before a
/// list property existed must still read that list as empty, never as null.
/// </summary>
public sealed partial class ComplaintsJsonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StoredCase_WithoutItsListProperties_ReadsThemAsEmpty()
    {
        var stored = new Complaint
        {
            Id = ComplaintId.New(T0),
            Version = 1,
            State = ComplaintState.Received,
            Intake = new ComplaintIntake(ComplaintKind.Complaint, Channel.Phone, Complainant.Anonymous,
                new ComplaintSubject(SubjectKind.Service, "Billing", new DepartmentId("finance")), "Charged twice."),
            ReceivedAt = T0,
            ReceivedBy = new Actor(new ActorId("desk"), "Desk", [ComplaintRoles.Staff]),
            Policy = new PolicyRef("generic", "1.0.0"),
            UpdatedAt = T0,
        };
        var json = JsonNode.Parse(JsonSerializer.Serialize(stored, ComplaintsJson.TypeInfo<Complaint>()))!.AsObject();
        string[] lists = ["recusals", "evidence", "approvals", "deadlines", "pendingDeadlines", "followUps", "holds"];
        foreach (var name in lists)
        {
            json.Remove(name).Should().BeTrue($"a new case writes {name} (as [])");
        }

        var read = JsonSerializer.Deserialize(json.ToJsonString(), ComplaintsJson.TypeInfo<Complaint>())!;

        read.Recusals.Should().NotBeNull().And.BeEmpty();
        read.Evidence.Should().NotBeNull().And.BeEmpty();
        read.Approvals.Should().NotBeNull().And.BeEmpty();
        read.Deadlines.Should().NotBeNull().And.BeEmpty();
        read.PendingDeadlines.Should().NotBeNull().And.BeEmpty();
        read.FollowUps.Should().NotBeNull().And.BeEmpty();
        read.Holds.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void PersistedTypes_HaveNoInitOnlyPropertyWithAnInitializerThatAMissingValueWouldOverwrite()
    {
        // Every type the generated metadata reaches from the context's roots (properties, elements, derived events).
        var context = typeof(ComplaintsJson).Assembly.GetType("Complaints.ComplaintsJsonContext", throwOnError: true)!;
        var roots = context.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!)
            .ToArray();
        roots.Should().Contain(typeof(Complaint));
        var reachable = Reachable(roots).Where(t => t.Assembly == typeof(Complaint).Assembly && !t.IsEnum && !t.IsArray && !t.IsGenericType).ToArray();
        reachable.Should().Contain([typeof(Complaint), typeof(Deadline)]);

        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src", "Complaints.Abstractions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .ToArray();
        var offenders = new List<string>();
        foreach (var type in reachable)
        {
            // A property that is also a constructor parameter (a positional record's, checked in the body) is read
            // through the constructor, where a missing value gets the parameter's default: not affected.
            var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var initOnly = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.DeclaringType == type && p.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) == true)
                .Select(p => p.Name)
                .Where(name => !parameters.Contains(name))
                .ToHashSet();
            // The type's declaration, up to the next type declared in the file (or the file's end).
            var declaration = new Regex($@"^\s*public\s[\w\s]*\b(record|class|struct)\s+{type.Name}\b", RegexOptions.Multiline);
            foreach (var source in sources)
            {
                var start = declaration.Match(source.Text);
                if (!start.Success)
                {
                    continue;
                }

                var next = AnyDeclaration().Match(source.Text, start.Index + start.Length);
                var body = source.Text[start.Index..(next.Success ? next.Index : source.Text.Length)];
                foreach (Match m in InitWithInitializer().Matches(body))
                {
                    if (initOnly.Contains(m.Groups["name"].Value))
                    {
                        offenders.Add($"{type.Name}.{m.Groups["name"].Value} ({Path.GetFileName(source.Path)})");
                    }
                }
            }
        }

        offenders.Should().BeEmpty(
            "generated JSON metadata would set such a property to default when stored JSON lacks it; write `{ get; init => field = value ?? []; } = [];` for a list, or make it a constructor parameter with a default");
    }

    private static HashSet<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            var info = ComplaintsJson.Options.GetTypeInfo(type);
            if (info.ElementType is { } element)
            {
                queue.Enqueue(element);
            }

            if (info.KeyType is { } key)
            {
                queue.Enqueue(key);
            }

            foreach (var property in info.Properties)
            {
                queue.Enqueue(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
            }

            foreach (var derived in info.PolymorphismOptions?.DerivedTypes ?? [])
            {
                queue.Enqueue(derived.DerivedType);
            }
        }

        return seen;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Complaints.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Complaints.sln not found above the test's folder.");
    }

    [GeneratedRegex(@"^\s*(public|internal)\s[\w\s]*\b(record|class|struct|interface|enum)\s+\w+", RegexOptions.Multiline)]
    private static partial Regex AnyDeclaration();

    [GeneratedRegex(@"\b(?<name>\w+)\s*\{\s*get;\s*init;\s*\}\s*=")]
    private static partial Regex InitWithInitializer();
}
