using Complaints.Analysis;

namespace Complaints.Abstractions.Tests;

/// <summary>The parts of the analysis every store shares: trend buckets, nearest ranks, recurrence keys and query validation.</summary>
public sealed class AnalysisTests
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Eight = TimeSpan.FromHours(8);

    private static AnalysisQuery Query(TrendInterval interval, TimeSpan offset) =>
        new() { From = March, To = March.AddMonths(1), AsOf = March, Interval = interval, Offset = offset };

    [Fact]
    public void BucketStart_SundayNightInUtc_IsMondaysWeekInChina()
    {
        var sundayNight = new DateTimeOffset(2026, 3, 8, 16, 0, 0, TimeSpan.Zero); // Monday 9 March, 00:00 in China

        Query(TrendInterval.Week, TimeSpan.Zero).BucketStart(sundayNight).Should().Be(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        Query(TrendInterval.Week, Eight).BucketStart(sundayNight).Should().Be(new DateTimeOffset(2026, 3, 9, 0, 0, 0, Eight));
        Query(TrendInterval.Week, Eight).BucketStart(sundayNight.AddTicks(-1)).Should().Be(new DateTimeOffset(2026, 3, 2, 0, 0, 0, Eight));
        Query(TrendInterval.Day, Eight).BucketStart(sundayNight).Should().Be(new DateTimeOffset(2026, 3, 9, 0, 0, 0, Eight));
        Query(TrendInterval.Month, TimeSpan.FromHours(-5)).BucketStart(March).Should().Be(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.FromHours(-5)));
    }

    [Fact]
    public void BucketStart_CarriesTheQuerysOffset_WhateverTheInstantsOffset()
    {
        var inChina = new DateTimeOffset(2026, 3, 10, 7, 0, 0, Eight); // 9 March 23:00 UTC

        Query(TrendInterval.Day, TimeSpan.Zero).BucketStart(inChina).Should().Be(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));
        Query(TrendInterval.Day, TimeSpan.Zero).BucketStart(inChina).Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void BucketStarts_ByMonthOverALeapFebruary_OnePerMonthInOrder()
    {
        var query = new AnalysisQuery
        {
            From = new DateTimeOffset(2028, 1, 31, 20, 0, 0, TimeSpan.Zero), // 1 February 04:00 in China
            To = new DateTimeOffset(2028, 3, 31, 16, 0, 0, TimeSpan.Zero),   // 1 April 00:00 in China, exclusive
            AsOf = March,
            Interval = TrendInterval.Month,
            Offset = Eight,
        };

        query.BucketStarts().Should().Equal(new DateTimeOffset(2028, 2, 1, 0, 0, 0, Eight), new DateTimeOffset(2028, 3, 1, 0, 0, 0, Eight));
    }

    [Theory]
    [InlineData(1, 50, 1)]
    [InlineData(1, 90, 1)]
    [InlineData(2, 50, 1)]
    [InlineData(3, 50, 2)]
    [InlineData(10, 50, 5)]
    [InlineData(10, 90, 9)]
    [InlineData(11, 90, 10)]
    [InlineData(20, 90, 18)]
    [InlineData(30, 90, 27)]
    [InlineData(1_000_000, 90, 900_000)]
    public void NearestRank_IsTheExactCeiling(int count, int percent, int rank) => DurationFigures.NearestRank(count, percent).Should().Be(rank);

    [Fact]
    public void DurationFigures_Of_SortsAndPicksTheNearestRanks()
    {
        var minutes = new[] { 50, 10, 40, 20, 30, 60, 70, 80, 90, 100 }.Select(m => TimeSpan.FromMinutes(m));

        DurationFigures.Of(minutes).Should().Be(new DurationFigures(10, TimeSpan.FromMinutes(50), TimeSpan.FromMinutes(90)));
        DurationFigures.Of([]).Should().Be(new DurationFigures(0, null, null));
    }

    [Fact]
    public void ComplainantKey_SamePersonWrittenDifferently_IsOneKeyThatDoesNotHoldTheirIdentity()
    {
        var byPhone = AnalysisKeys.Complainant(new Complainant("Zhou Min", new ContactDetails(Phone: "+86 139 1111 2222")));
        var byDigits = AnalysisKeys.Complainant(new Complainant("Zhou", new ContactDetails(Phone: "8613911112222")));
        var byEmail = AnalysisKeys.Complainant(new Complainant("Wang", new ContactDetails(Email: " Wang@Example.CN ")));

        byPhone.Should().NotBeNull().And.Be(byDigits).And.MatchRegex("^[0-9a-f]{32}$").And.NotContain("139");
        byEmail.Should().Be(AnalysisKeys.Complainant(new Complainant("W.", new ContactDetails(Email: "wang@example.cn")))).And.NotContain("wang");
        AnalysisKeys.Complainant(new Complainant("Wang", new ContactDetails(Email: "wang@example.cn"), "C-1"))
            .Should().Be(AnalysisKeys.Complainant(new Complainant("Someone", new ContactDetails(), " C-1 ")), "the customer id comes first");
        AnalysisKeys.Complainant(Complainant.Anonymous).Should().BeNull();
        AnalysisKeys.Complainant(new Complainant("Old Li", new ContactDetails(Phone: "1234"))).Should().BeNull("four digits are too few to tell people apart");
    }

    [Fact]
    public void Validate_SeveralFaults_NamesEveryField()
    {
        var query = new AnalysisQuery { From = March, To = March, AsOf = March, RecurrenceDays = -1, Offset = TimeSpan.FromHours(15), Pack = "" };

        var act = query.Validate;

        act.Should().Throw<ComplaintValidationException>().Which.Errors.Select(e => e.Field).Should()
            .Equal("AnalysisQuery.To", "AnalysisQuery.RecurrenceDays", "AnalysisQuery.Offset", "AnalysisQuery.Pack");
    }

    [Fact]
    public void Validate_DefaultDepartment_IsRefused()
    {
        var query = Query(TrendInterval.Week, TimeSpan.Zero) with { Department = default(DepartmentId) };

        var act = query.Validate;

        act.Should().Throw<ComplaintValidationException>().Which.Errors.Single().Field.Should().Be("AnalysisQuery.Department");
    }
}
