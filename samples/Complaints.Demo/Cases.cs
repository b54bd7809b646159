namespace Complaints.Demo;

/// <summary>
/// The demo's complaints, one working fortnight in March 2026 (times in UTC), each a script of what people did
/// and when, under the pack of its industry.
/// </summary>
internal static partial class Cases
{
    /// <summary>Monday 2 March 2026, 00:00 UTC (08:00 in China, where the packs' calendar counts working days): the clock's start.</summary>
    public static readonly DateTimeOffset Start = Mar(2, 0, 0);

    /// <summary>The packs, in the order their cases are printed.</summary>
    public static IReadOnlyList<string> Packs { get; } = [HospitalPack, DealershipPack, TobaccoPack, FoodPack, GenericPack];

    /// <summary>
    /// The intake attribute the group's shared intake form fills in with the organisation a complaint is for; the
    /// deployment's selector opens each case under that organisation's pack.
    /// </summary>
    public const string OrganisationAttribute = "organisation";

    /// <summary>Each organisation of the demo group and the pack its complaints follow.</summary>
    public static IReadOnlyDictionary<string, string> Organisations { get; } = new Dictionary<string, string>
    {
        ["city-hospital"] = HospitalPack,
        ["dealership"] = DealershipPack,
        ["tobacco-company"] = TobaccoPack,
        ["food-distributor"] = FoodPack,
        ["furniture-shop"] = GenericPack,
    };

    /// <summary>
    /// One deployment for the whole group: every pack loaded, and each organisation's complaints opened under its own
    /// pack (chosen by the <see cref="OrganisationAttribute"/> of the intake).
    /// </summary>
    public static void AddPacks(Microsoft.Extensions.DependencyInjection.PolicyPacksBuilder packs)
    {
        foreach (var pack in Packs)
        {
            packs.Add(pack);
        }

        foreach (var (organisation, pack) in Organisations)
        {
            packs.WhenAttribute(OrganisationAttribute, organisation, pack);
        }
    }

    /// <summary>The organisation whose complaints follow <paramref name="pack"/>.</summary>
    public static string OrganisationOf(string pack) => Organisations.Single(o => o.Value == pack).Key;

    public static IReadOnlyList<Script> All() => [.. HospitalCases(), .. DealershipCases(), .. TobaccoCases(), .. FoodCases(), .. GenericCases()];

    private static DateTimeOffset Mar(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    private static Money Cny(decimal amount) => new(amount, "CNY");

    private static Complainant Person(string name, string? phone = null, string? email = null) => new(name, new ContactDetails(phone, email));

    private static ComplaintIntake Intake(Channel channel, Complainant who, ComplaintSubject subject, string what, string? category, string wants, Money? claim = null) =>
        new(ComplaintKind.Complaint, channel, who, subject, what, Category: category, DesiredRemedy: wants, ClaimedAmount: claim);
}
