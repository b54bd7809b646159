using System.Globalization;
using System.Text.Json;

namespace Complaints.Workflow.Calendars;

/// <summary>Builds business calendars from real holiday data: China's (shipped with this package) and the UK's bank holidays.</summary>
public static class BusinessCalendars
{
    private const string ChinaPrefix = "Complaints.Calendars/holiday-cn/";
    private static readonly Lazy<BusinessCalendar> ChinaCalendar = new(() => China([]));

    /// <summary>
    /// Mainland China: Asia/Shanghai, Monday–Friday 09:00–18:00, with the State Council's public holidays and
    /// make-up working days (调休) from the holiday-cn data shipped in this package (2007–2026; MIT, NateScarlet/holiday-cn).
    /// A year beyond the data is provisional: weekends plus the statutory holidays (<see cref="ChinaStatutoryHolidays"/>);
    /// <see cref="BusinessCalendar.WithStrictHorizon"/> makes it an error instead.
    /// </summary>
    /// <returns>The calendar, named <c>cn</c>: one instance, built on first use (the calendar is immutable); <c>China([])</c> builds a new one.</returns>
    public static BusinessCalendar China() => ChinaCalendar.Value;

    /// <summary>
    /// Mainland China as <see cref="China()"/>, with newer holiday data the host supplies at run time, without a new
    /// release of this package: holiday-cn documents (e.g. <c>2027.json</c> from NateScarlet/holiday-cn, or the State
    /// Council's arrangement written in that format). A document for a year the package ships replaces it.
    /// </summary>
    /// <param name="holidayCnDocuments">The documents' contents.</param>
    /// <returns>The calendar, named <c>cn</c>.</returns>
    /// <exception cref="FormatException">A document is not in the holiday-cn format.</exception>
    public static BusinessCalendar China(IEnumerable<string> holidayCnDocuments)
    {
        ArgumentNullException.ThrowIfNull(holidayCnDocuments);
        return FromHolidayCn("cn", EmbeddedChinaFiles().Concat(holidayCnDocuments), ChinaZone())
            .WithProvisionalHolidays(static year => year is >= 1901 and <= 2100 ? ChinaStatutoryHolidays.For(year) : []);
    }

    /// <summary>
    /// Mainland China as <see cref="China()"/>, with the holiday-cn files at <paramref name="paths"/> (files, or folders
    /// whose <c>*.json</c> files are read): the host keeps them current, e.g. from NateScarlet/holiday-cn.
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The calendar, named <c>cn</c>.</returns>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    /// <exception cref="FormatException">A file is not in the holiday-cn format.</exception>
    public static BusinessCalendar ChinaWithHolidayFiles(params IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var documents = new List<string>();
        foreach (var path in paths)
        {
            var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
                : File.Exists(path) ? [path]
                : throw new FileNotFoundException($"No holiday-cn file or folder at '{path}'. Give the path of a file such as 2027.json, or of a folder of them.", path);
            documents.AddRange(files.Select(File.ReadAllText));
        }

        return China(documents);
    }

    /// <summary>Builds a calendar from holiday-cn files (one JSON document per year; a file may list the previous December).</summary>
    /// <param name="name">The calendar's name.</param>
    /// <param name="jsonDocuments">The files' contents, any order.</param>
    /// <param name="zone">The time zone.</param>
    /// <param name="workStart">When work starts; 09:00 if not given.</param>
    /// <param name="workEnd">When work ends; 18:00 if not given.</param>
    /// <returns>The calendar, covering 1 January of the first year with data to 31 December of the last.</returns>
    /// <exception cref="FormatException">A document is not in the holiday-cn format.</exception>
    public static BusinessCalendar FromHolidayCn(string name, IEnumerable<string> jsonDocuments, TimeZoneInfo zone, TimeOnly? workStart = null, TimeOnly? workEnd = null)
    {
        ArgumentNullException.ThrowIfNull(jsonDocuments);

        // A later document for the same year replaces an earlier one (newer data over the shipped data).
        var documents = new SortedDictionary<int, List<(DateOnly Date, bool IsOffDay)>>();
        foreach (var json in jsonDocuments)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                var year = root.GetProperty("year").GetInt32();
                var days = new List<(DateOnly, bool)>();
                foreach (var day in root.GetProperty("days").EnumerateArray())
                {
                    days.Add((DateOnly.ParseExact(day.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture), day.GetProperty("isOffDay").GetBoolean()));
                }

                if (days.Count > 0 || !documents.ContainsKey(year))
                {
                    documents[year] = days;
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"Not a holiday-cn document ({{\"year\": …, \"days\": [{{\"date\": \"YYYY-MM-DD\", \"isOffDay\": bool}}]}}): {e.Message}", e);
            }
        }

        var years = documents.Where(d => d.Value.Count > 0).Select(d => d.Key).ToList();
        if (years.Count == 0)
        {
            throw new FormatException("The holiday-cn documents hold no days; give at least one year with data.");
        }

        // The data covers the unbroken run of years from the first: a missing year is not a year without holidays.
        var last = years[0];
        while (years.Contains(last + 1))
        {
            last++;
        }

        var offDays = new Dictionary<DateOnly, bool>();
        foreach (var (_, days) in documents)
        {
            foreach (var (date, isOffDay) in days)
            {
                offDays[date] = isOffDay;
            }
        }

        return new BusinessCalendar(name, zone, offDays.Where(d => d.Value).Select(d => d.Key), offDays.Where(d => !d.Value).Select(d => d.Key),
            new DateOnly(years[0], 1, 1), new DateOnly(last, 12, 31), workStart ?? new TimeOnly(9, 0), workEnd ?? new TimeOnly(18, 0));
    }

    /// <summary>Builds a calendar from the GOV.UK bank-holidays JSON (<c>https://www.gov.uk/bank-holidays.json</c>) for one region.</summary>
    /// <param name="json">The document.</param>
    /// <param name="region"><c>england-and-wales</c>, <c>scotland</c> or <c>northern-ireland</c>.</param>
    /// <param name="workStart">When work starts; 09:00 if not given.</param>
    /// <param name="workEnd">When work ends; 17:30 if not given.</param>
    /// <returns>The calendar, named <c>uk-{region}</c>, in Europe/London, covering the years the region's events span.</returns>
    /// <exception cref="ArgumentException">The region is not in the document.</exception>
    /// <exception cref="FormatException">The document is not in the GOV.UK format.</exception>
    public static BusinessCalendar FromUkBankHolidays(string json, string region, TimeOnly? workStart = null, TimeOnly? workEnd = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        List<DateOnly> holidays;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty(region, out var division))
            {
                var known = string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name));
                throw new ArgumentException($"The bank-holidays document has no region '{region}'; it has {known}.", nameof(region));
            }

            holidays = division.GetProperty("events").EnumerateArray()
                .Select(e => DateOnly.ParseExact(e.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"Not a GOV.UK bank-holidays document: {e.Message}", e);
        }

        if (holidays.Count == 0)
        {
            throw new FormatException($"Region '{region}' lists no bank holidays.");
        }

        return new BusinessCalendar($"uk-{region}", FindZone("Europe/London", "GMT Standard Time"), holidays, [],
            new DateOnly(holidays.Min().Year, 1, 1), new DateOnly(holidays.Max().Year, 12, 31),
            workStart ?? new TimeOnly(9, 0), workEnd ?? new TimeOnly(17, 30));
    }

    private static IEnumerable<string> EmbeddedChinaFiles()
    {
        var assembly = typeof(BusinessCalendars).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ChinaPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }

    private static TimeZoneInfo ChinaZone() => FindZone("Asia/Shanghai", "China Standard Time");

    private static TimeZoneInfo FindZone(string iana, string windows) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById(windows);
}
